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
        cmd.Add(clear);
        return cmd;
    }
}
