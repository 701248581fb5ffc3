using Dala.Fibre.Heuristics;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Tests;

/// <summary>
/// Recombination solves the union of elite trees as its own Steiner problem with the pool's best tree as the
/// incumbent: it gives a Steiner tree of the full instance, never dearer than that best tree, and charges its work.
/// </summary>
public class RecombinationTests
{
    [Fact]
    public void The_union_of_elite_trees_gives_a_valid_tree_never_dearer_than_the_best_and_sometimes_cheaper()
    {
        var cheaper = 0;
        for (var seed = 0; seed < 120; seed++)
        {
            var inst = RandomInstances.Of(RandomInstances.Problem(seed, maxNodes: 80, maxTerminals: 25));
            var rng = new Random(seed);
            var pool = new ElitePool(6);
            for (var i = 0; i < 6; i++)
            {
                var built = ShortestPathHeuristic.Instance.Build(inst, Perturbation.Noise(inst, rng, 2), inst.Terminals[rng.Next(inst.Terminals.Length)]);
                var tree = TreeOps.Normalize(inst, built);
                pool.Add(tree, TreeOps.Cost(inst, tree));
            }
            if (pool.Count < 2) continue;
            var best = pool.First.Cost;
            var deadline = new Deadline(TimeSpan.MaxValue, new WorkBudget(long.MaxValue / 2));
            var result = pool.Recombine(inst, rng, deadline, innerStarts: 4, work: 200);
            Assert.True(TreeOps.IsSteinerTree(inst, TreeOps.Normalize(inst, result)), $"seed {seed}");
            var cost = TreeOps.Cost(inst, TreeOps.Normalize(inst, result));
            Assert.True(cost <= best, $"seed {seed}: {cost} > {best}");
            Assert.True(deadline.Work.Spent > 0, $"seed {seed}: no work charged");
            if (cost < best) cheaper++;
        }
        Assert.True(cheaper > 0, "no recombination found a cheaper tree");
    }

    [Fact]
    public void A_step_budget_takes_what_is_left_of_its_parent_and_the_parent_is_charged()
    {
        var parent = new Deadline(TimeSpan.MaxValue, new WorkBudget(1_000));
        parent.Spend(900);
        var child = parent.Child(500);
        Assert.Equal(100, child.Work.Limit);
        child.Spend(100);
        Assert.True(child.Expired);
        Assert.Equal("work", child.StoppedBy);
        parent.Spend(child.Work.Spent);
        Assert.True(parent.Expired);
        Assert.Equal(400, new Deadline(TimeSpan.MaxValue, WorkBudget.None).Child(400).Work.Limit);
    }
}
