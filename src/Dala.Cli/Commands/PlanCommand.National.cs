using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dala.Geo.Io;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Rollout.Export;
using Dala.Rollout.Options;
using Dala.Rollout.Planning;
using Dala.Rollout.Plans;

namespace Dala.Cli.Commands;

public static partial class PlanCommand
{
    private static Command National(StoreOption store, CliContext ctx)
    {
        var costs = new Option<string?>("--costs") { Description = "Cost book (JSON; `dala plan costs --json` prints the defaults to start from)", HelpName = "FILE.json" };
        var budget = new Option<string?>("--budget-per-year") { Description = "National capex budget per year in tenge (e.g. 300e9), or none; default 300e9", HelpName = "TENGE" };
        var regionBudget = new Option<string?>("--region-budget-per-year") { Description = "Capex budget per region and year in tenge, e.g. KZ-61=20e9,KZ-11=1e10", HelpName = "CODE=TENGE,..." };
        var targets = TargetsOption.Create();
        var output = new Option<string>("--out") { Description = "Write the plan as CSV, one line per rural settlement", HelpName = "PLAN.csv", Required = true };
        var geojson = new Option<string?>("--geojson") { Description = "Also write the plan as GeoJSON (settlements, new fibre, sites)", HelpName = "FILE" };
        var name = new Option<string>("--name") { Description = "The plan's name in the store", DefaultValueFactory = _ => "national", HelpName = "NAME" };
        var region = new Option<string?>("--region") { Description = "Plan one region only (code, e.g. KZ-59)", HelpName = "CODE" };
        var mode = new Option<string>("--mode") { Description = "least-cost: least NPV meeting the targets; most-people: within the budget, the most people first", DefaultValueFactory = _ => "least-cost", HelpName = "MODE" };
        mode.AcceptOnlyFromAmong("least-cost", "most-people");
        var km = new Option<double>("--fibre-km-per-region-year") { Description = "Fibre a region can lay in a year, km", DefaultValueFactory = _ => new Rollout.Phasing.PhasingSettings().FibreKmPerRegionYear, HelpName = "KM" };
        var sites = new Option<int>("--sites-per-region-year") { Description = "Site works (new masts, upgrades, radios) a region can complete in a year", DefaultValueFactory = _ => new Rollout.Phasing.PhasingSettings().SitesPerRegionYear, HelpName = "N" };
        var permit = new Option<int>("--permit-months") { Description = "Months before a new mast can carry traffic", DefaultValueFactory = _ => 12, HelpName = "MONTHS" };
        var candidates = new Option<string?>("--candidates") { Description = "Candidate sites for new masts (CSV: id,lon,lat[,name,mast_m,capex_tenge,source,synthetic])", HelpName = "FILE.csv" };
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Also re-plan with fibre per km, take-up, LEO price and the discount rate each 20% lower and higher (tornado)" };
        var noSave = new Option<bool>("--no-save") { Description = "Do not keep the plan in the store" };
        var cmd = new Command("national", "Plan every rural settlement: technology, year, capex and opex, phased under the budget, build capacity and permits to the dated " +
                                          "targets; prints the totals, the targets' outcome (and what binds), and ends with total_npv_tenge and lower_bound_tenge.")
            { costs, budget, regionBudget, targets, output, geojson, name, region, mode, km, sites, permit, candidates, sensitivity, noSave };
        cmd.SetAction(r =>
        {
            var request = Request(ctx, r, costs, budget, targets, name, region, mode, km, sites, permit, candidates, sensitivity);
            request = request with { Phasing = request.Phasing with { RegionBudgetPerYear = RegionBudgets(r.GetValue(regionBudget)) } };
            var s = store.Open(r, ctx);
            var view = new RegistryView(s.ReadSnapshot(), DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime));
            foreach (var unknown in request.Phasing.RegionBudgetPerYear.Keys.Where(k => !view.Snapshot.RegionsByCode.ContainsKey(k)))
                throw new CliException($"--region-budget-per-year: unknown region '{unknown}'", ExitCodes.Rejected);
            if (request.Build.Region is { } code && !view.Snapshot.RegionsByCode.ContainsKey(code))
                throw new CliException($"--region: unknown region '{code}' ({string.Join(", ", view.Snapshot.Regions.Select(x => x.Code))})", ExitCodes.Rejected);
            if (!view.Snapshot.Settlements.Any(x => x.Kind.IsRural() && (request.Build.Region is null || x.RegionCode == request.Build.Region)))
                throw new CliException("the store has no rural settlements to plan: import them first (dala import settlements ...)", ExitCodes.Rejected);
            request = request with { Phasing = Web.Apis.PermitLeads.Apply(request.Phasing, StoreOption.Permits(s), view.AsOf) };
            var plan = ProgressDisplay.Run(ctx, "plan", progress => NationalPlanner.Run(view, request, ctx.Clock.Now,
                progress is null ? null : new SyncProgress<PlanProgress>(p => progress.Report(new ImportProgress(p.Phase, (long)(p.Share * 1000), 1000)))));
            if (!r.GetValue(noSave)) plan = plan with { Id = StoreOption.Plans(s).SavePlan(plan) };
            Write(ctx, r.GetValue(output)!, text => PlanCsv.Write(text, plan));
            if (r.GetValue(geojson) is { } g) WriteJson(ctx, g, w => PlanGeoJson.Write(w, plan));
            PlanOutput.Print(ctx, plan);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static PlanRequest Request(CliContext ctx, ParseResult r, Option<string?> costs, Option<string?> budget, Option<string?> targets, Option<string> name,
        Option<string?> region, Option<string> mode, Option<double> km, Option<int> sites, Option<int> permit, Option<string?> candidates, Option<bool> sensitivity)
    {
        var targetList = TargetsOption.Read(r, targets, ctx);
        var book = r.GetValue(costs) is { } path ? ReadCosts(ctx, path) : Rollout.Costs.CostBook.Default;
        double? perYear = r.GetValue(budget) switch
        {
            null => Rollout.Phasing.PhasingSettings.DefaultBudgetPerYear,
            "none" => null,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0 => v,
            var text => throw new CliException($"--budget-per-year: '{text}' is not a number of tenge >= 0 or none"),
        };
        if (!(r.GetValue(km) >= 0) || !double.IsFinite(r.GetValue(km))) throw new CliException("--fibre-km-per-region-year must be a number >= 0");
        if (r.GetValue(sites) < 0) throw new CliException("--sites-per-region-year must be >= 0");
        if (r.GetValue(permit) is < 0 or > 120) throw new CliException("--permit-months must be within 0..120");
        IReadOnlyList<CandidateSite> offered = [];
        if (r.GetValue(candidates) is { } file)
        {
            try
            {
                offered = CandidateSiteCsv.ReadFile(ctx.FullPath(file));
            }
            catch (CandidateSiteException e)
            {
                foreach (var p in e.Problems.Take(ReportOutput.RowsNamed)) ctx.ErrText.WriteLine($"{file}:{p.Line}: {p.Field}: {p.Reason}");
                if (e.Problems.Count > ReportOutput.RowsNamed) ctx.ErrText.WriteLine($"... and {e.Problems.Count - ReportOutput.RowsNamed} more");
                throw new CliException($"the candidate-site file {file} was refused ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}); nothing was planned or stored", ExitCodes.Rejected);
            }
        }
        return new PlanRequest
        {
            Name = r.GetValue(name)!, Mode = r.GetValue(mode) == "most-people" ? PlanMode.MostPeople : PlanMode.LeastCost, Costs = book, Targets = targetList,
            Phasing = new Rollout.Phasing.PhasingSettings
            {
                BudgetPerYear = perYear, FibreKmPerRegionYear = r.GetValue(km), SitesPerRegionYear = r.GetValue(sites), PermitLeadMonths = r.GetValue(permit),
            },
            Build = new BuildSettings { Region = r.GetValue(region), Candidates = offered },
            Sensitivity = r.GetValue(sensitivity),
        };
    }

    private static System.Collections.Immutable.ImmutableDictionary<string, double> RegionBudgets(string? text)
    {
        var result = System.Collections.Immutable.ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
                throw new CliException($"--region-budget-per-year: '{part}' is not CODE=TENGE (tenge >= 0)");
            result[kv[0]] = v;
        }
        return result.ToImmutable();
    }

    private static void Write(CliContext ctx, string path, Action<TextWriter> write)
    {
        if (path == "-")
        {
            write(ctx.OutText);
            return;
        }
        var full = ctx.FullPath(path);
        var temp = full + ".part";
        using (var text = new StreamWriter(temp)) write(text);
        File.Move(temp, full, overwrite: true);
        ctx.ErrText.WriteLine($"wrote {path}");
    }

    private static void WriteJson(CliContext ctx, string path, Action<Utf8JsonWriter> write) =>
        Write(ctx, path, text =>
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, JsonOutput.Writer)) write(w);
            text.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        });
}
