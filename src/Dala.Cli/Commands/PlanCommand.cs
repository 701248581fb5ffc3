using System.CommandLine;

namespace Dala.Cli.Commands;

/// <summary>dala plan costs|national|giga|list|show|compare — the rollout planner: technology, year and cost per settlement, with a bound on how far from optimal.</summary>
public static partial class PlanCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plan = new Command("plan", "Rollout plans: per settlement the technology (fibre, 4G/5G, fixed wireless, LEO satellite), the year and the cost, with a lower bound.");
        plan.Add(Costs(ctx));
        plan.Add(National(store, ctx));
        plan.Add(Giga(ctx));
        plan.Add(List(store, ctx));
        plan.Add(Show(store, ctx));
        plan.Add(Compare(store, ctx));
        return plan;
    }
}
