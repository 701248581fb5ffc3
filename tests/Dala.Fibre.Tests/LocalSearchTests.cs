using Dala.Fibre.Heuristics;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Tests;

/// <summary>Constructions give Steiner trees; every move keeps a Steiner tree and never makes it dearer.</summary>
public class LocalSearchTests
{
    public static TheoryData<string> Moves => ["insertion", "elimination", "key-path", "key-vertex"];

    private static ITreeMove Make(string name) => name switch
    {
        "insertion" => new VertexInsertion(),
        "elimination" => new VertexElimination(),
        "key-path" => new KeyPathExchange(),
        _ => new KeyVertexElimination(),
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_move_keeps_a_valid_tree_and_never_adds_cost(string name)
    {
        var improvements = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var inst = RandomInstances.Of(RandomInstances.Problem(seed, maxNodes: 60, maxTerminals: 20));
            var rng = new Random(seed);
            var tree = TreeOps.Normalize(inst, ShortestPathHeuristic.Instance.Build(inst, Perturbation.Noise(inst, rng, 3), inst.Terminals[0]));
            var before = TreeOps.Cost(inst, tree);
            if (Make(name).TryImprove(inst, ref tree)) improvements++;
            Assert.True(TreeOps.IsSteinerTree(inst, tree), $"{name}, seed {seed}");
            Assert.True(TreeOps.Cost(inst, tree) <= before, $"{name}, seed {seed}");
        }
        Assert.True(improvements > 10, $"{name} improved only {improvements} trees");
    }

    [Fact]
    public void Constructions_give_Steiner_trees()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var inst = RandomInstances.Of(RandomInstances.Problem(seed, maxNodes: 60, maxTerminals: 20));
            Assert.True(TreeOps.IsSteinerTree(inst, TreeOps.Normalize(inst, ShortestPathHeuristic.Instance.Build(inst, inst.Costs, inst.Terminals[^1]))));
            Assert.True(TreeOps.IsSteinerTree(inst, TreeOps.Normalize(inst, VoronoiMstHeuristic.Instance.Build(inst, inst.Costs, 0))));
            Assert.True(TreeOps.IsSteinerTree(inst, LocalSearch.Run(inst, ShortestPathHeuristic.Instance.Build(inst, inst.Costs, inst.Terminals[0]), Deadline.None)));
        }
    }
}
