using System.CommandLine;
using Dala.Registry.Scenario;

namespace Dala.Cli.Commands;

/// <summary>dala scenario seed|clear — the SYNTHETIC connectivity scenario for demonstrations.</summary>
public static class ScenarioCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("scenario", "The SYNTHETIC connectivity scenario (labelled synthetic wherever shown or exported).");
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
        var clear = new Command("clear", "Remove every synthetic connectivity record.");
        clear.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            ctx.Out.WriteLine($"Removed {new SyntheticScenario(s, ctx.Clock).Clear():N0} synthetic records from {s.Describe()}.");
            return ExitCodes.Ok;
        });
        cmd.Add(seedCmd);
        cmd.Add(clear);
        return cmd;
    }
}
