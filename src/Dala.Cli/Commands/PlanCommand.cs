using System.CommandLine;

namespace Dala.Cli.Commands;

/// <summary>dala plan giga — the rollout planner: technology, year and cost per settlement, with a bound on how far from optimal.</summary>
public static partial class PlanCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plan = new Command("plan", "Rollout plans: per settlement the technology (fibre, 4G/5G, fixed wireless, LEO satellite), the year and the cost, with a lower bound.");
        plan.Add(Giga(ctx));
        return plan;
    }
}
