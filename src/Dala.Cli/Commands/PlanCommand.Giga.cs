using System.CommandLine;
using System.Globalization;
using Dala.Rollout.Giga;
using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Optimal;
using Dala.Rollout.Giga.Output;

namespace Dala.Cli.Commands;

public static partial class PlanCommand
{
    private static Command Giga(CliContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var inputs = new Option<string>("--inputs") { Description = "Folder with schools.csv, fibre_nodes.csv and cell_towers.csv", HelpName = "DIR", Required = true };
        var config = new Option<string>("--config") { Description = "Scenario in Giga's MinimumCostScenarioConf layout (JSON)", HelpName = "CONFIG.json", Required = true };
        var choice = new Option<string>("--choice")
        {
            Description = "giga: Giga's own choice (its trees pruned as its code does), ends with 'total: N'; optimal: the least total " +
                          "over every tree and technology per school, solved as a MIP, ends with 'total: N' and the proven 'lower_bound: N'",
            DefaultValueFactory = _ => "giga", HelpName = "giga|optimal",
        };
        choice.AcceptOnlyFromAmong("giga", "optimal");
        var output = new Option<string?>("--out") { Description = "Write one CSV row per school: technology, parent, total and each technology's candidate total", HelpName = "OUT.csv" };
        var seconds = new Option<double>("--seconds") { Description = "With --choice optimal: time budget of the solver; it stops earlier when the gap is closed", DefaultValueFactory = _ => 120, HelpName = "N" };
        var cmd = new Command("giga", "UNICEF Giga's cost-model case: reproduce Giga's choice, or Dala's optimum on the same formulas.")
            { inputs, config, choice, output, seconds };
        cmd.SetAction(r =>
        {
            if (!(r.GetValue(seconds) > 0) || !double.IsFinite(r.GetValue(seconds))) throw new CliException("--seconds must be a positive number");
            var mode = r.GetValue(choice) == "optimal" ? ChoiceMode.Optimal : ChoiceMode.Giga;
            GigaRun run;
            try
            {
                var input = GigaCaseReader.Read(ctx.FullPath(r.GetValue(inputs)!));
                var scenario = GigaConfigReader.Read(ctx.FullPath(r.GetValue(config)!));
                run = GigaPlanner.Run(input, scenario, mode, new OptimalOptions(r.GetValue(seconds)));
            }
            catch (GigaInputException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            if (r.GetValue(output) is { } file) Write(ctx, ctx.FullPath(file), run);
            PrintGiga(ctx, run, r.GetValue(output));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Writes next to the target and moves it in at the end, so a failed run leaves no partial file.</summary>
    private static void Write(CliContext ctx, string path, GigaRun run)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path) ?? ctx.WorkingDirectory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var w = new StreamWriter(temp)) PlanCsvWriter.Write(w, run.Plan);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); }
            catch (IOException) { }
            throw new CliException($"{path}: cannot write: {e.Message}", ExitCodes.Rejected);
        }
    }

    private static void PrintGiga(CliContext ctx, GigaRun run, string? output)
    {
        var w = ctx.OutText;
        var plan = run.Plan;
        var input = plan.Costs.Case;
        var scenario = plan.Costs.Scenario;
        w.WriteLine($"case: {input.Schools.Length} schools, {input.Pops.Length} fibre POPs, {input.Towers.Length} cell towers; " +
                    $"technologies {string.Join(", ", scenario.Technologies.Select(t => t.Technology))}; {scenario.YearsOpex} years of opex");
        w.WriteLine($"choice: {(run.Mode == ChoiceMode.Giga ? "giga (Giga's pruned trees, reproduced)" : "optimal (MIP over every tree)")}");
        w.WriteLine("schools: " + string.Join(", ", Enum.GetValues<Technology>().Select(t => $"{t} {plan.Count(t)}")));
        if (run.Report is { } report)
        {
            w.WriteLine($"giga_total: {Money(run.Giga.Total)}");
            w.WriteLine($"saving: {Money(run.Giga.Total - plan.Total)} ({(run.Giga.Total > 0 ? (run.Giga.Total - plan.Total) / run.Giga.Total : 0) * 100:0.00} % below Giga's choice)");
            w.WriteLine($"gap: {report.Gap * 100:0.0000} % (solver: {report.Status})");
            w.WriteLine($"seconds: {report.Seconds:0.0}");
        }
        if (output is not null) w.WriteLine($"wrote {output}");
        w.WriteLine($"total: {Money(plan.Total)}");
        if (run.Report is { } last) w.WriteLine($"lower_bound: {Money(last.LowerBound)}");
    }

    private static string Money(double v) => v.ToString("F6", CultureInfo.InvariantCulture);
}
