using System.CommandLine;
using Dala.Registry.Scenario;

namespace Dala.Cli.Commands;

/// <summary>dala scenario seed|clear — the SYNTHETIC connectivity scenario for demonstrations.</summary>
public static class ScenarioCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("scenario", "SYNTHETIC data for demonstrations: connectivity and radio sites (labelled synthetic wherever shown or exported).");
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same scenario", HelpName = "N", DefaultValueFactory = _ => 2026 };
        var seedCmd = new Command("seed",
            "Assign synthetic connectivity to every settlement so that today's share of rural settlements on fibre equals " +
            $"the published figure ({SyntheticScenario.PublishedRuralOnFibre:N0} of {SyntheticScenario.PublishedRural:N0}); replaces earlier synthetic records.")
        { seed };
        seedCmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var result = new SyntheticScenario(s, ctx.Clock).Seed(r.GetValue(seed));
            ctx.Out.WriteLine($"SYNTHETIC scenario (seed {r.GetValue(seed)}) in {s.Describe()}: {result.Records:N0} records for {result.Settlements:N0} settlements; " +
                              $"{result.RuralOnFibre:N0} of {result.Rural:N0} rural settlements on fibre today" +
                              (result.Changed ? "." : " (already in place: nothing changed)."));
            return ExitCodes.Ok;
        });
        var count = new Option<int>("--count") { Description = "How many sites", HelpName = "N", DefaultValueFactory = _ => 2000 };
        var siteSeed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same layout", HelpName = "N", DefaultValueFactory = _ => 2026 };
        var sites = new Command("sites", $"Place a SYNTHETIC radio-site layout: masts near settlements (larger first, at least {SyntheticSites.MinSpacingKm:0} km apart), " +
                                         "three 4G 800 MHz sectors each, 5G 3.5 GHz near towns; replaces earlier synthetic sites.") { count, siteSeed };
        sites.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var result = new SyntheticSites(s, ctx.Clock).Seed(r.GetValue(count), r.GetValue(siteSeed));
            ctx.Out.WriteLine($"SYNTHETIC sites (seed {r.GetValue(siteSeed)}) in {s.Describe()}: {result.Placed:N0} of {result.Requested:N0} placed" +
                              (result.Changed ? "." : " (already in place: nothing changed)."));
            return ExitCodes.Ok;
        });
        var mCount = new Option<int>("--count") { Description = "How many tests", HelpName = "N", DefaultValueFactory = _ => 20_000 };
        var mSeed = new Option<int>("--seed") { Description = "Random seed", HelpName = "N", DefaultValueFactory = _ => 2026 };
        var mOut = new Option<string?>("--out") { Description = "Only write the CSV to this file (for benchmarks); do not import it", HelpName = "FILE" };
        var measurements = new Command("measurements", "Generate SYNTHETIC speed tests near connected settlements (speeds by their current technology) " +
                                                       "and import them (labelled synthetic).") { mCount, mSeed, mOut };
        measurements.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var view = new Registry.Query.RegistryView(s.ReadSnapshot(), DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime));
            var path = r.GetValue(mOut) is { } o ? ctx.FullPath(o) : Path.Combine(Path.GetTempPath(), $"synthetic-measurements-seed{r.GetValue(mSeed)}-{r.GetValue(mCount)}.csv");
            using (var w = new StreamWriter(path))
            {
                var csv = new Geo.Io.CsvWriter(w);
                csv.Row(Quality.Synthetic.SyntheticMeasurements.Header);
                foreach (var row in Quality.Synthetic.SyntheticMeasurements.Rows(view, r.GetValue(mCount), r.GetValue(mSeed))) csv.Row(row);
            }
            if (r.GetValue(mOut) is not null)
            {
                ctx.Out.WriteLine($"wrote {r.GetValue(mCount):N0} SYNTHETIC tests to {path}");
                return ExitCodes.Ok;
            }
            var intake = new Quality.Intake.MeasurementIntake(s, StoreOption.Measurements(s), ctx.Clock, Quality.Model.OperatorPrefixes.Empty);
            var result = ProgressDisplay.Run(ctx, "synthetic measurements", p => intake.ImportFile(path, p));
            File.Delete(path);
            return MeasurementOutput.Print(ctx, result, s.Describe());
        });
        var clear = new Command("clear", "Remove every synthetic connectivity record and synthetic site.");
        clear.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var records = new SyntheticScenario(s, ctx.Clock).Clear();
            var removedSites = new SyntheticSites(s, ctx.Clock).Clear();
            ctx.Out.WriteLine($"Removed {records:N0} synthetic records and {removedSites:N0} synthetic sites from {s.Describe()}.");
            return ExitCodes.Ok;
        });
        cmd.Add(seedCmd);
        cmd.Add(sites);
        cmd.Add(measurements);
        cmd.Add(clear);
        return cmd;
    }
}
