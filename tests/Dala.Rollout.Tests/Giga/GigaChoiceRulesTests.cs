using System.Collections.Immutable;
using Dala.Rollout.Giga.Choice;
using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Network;

namespace Dala.Rollout.Tests.Giga;

/// <summary>The small rules of Giga's code that decide ties and limits.</summary>
public sealed class GigaChoiceRulesTests
{
    private static GigaSchool School(string id, double lat, double lon) => new(id, lat, lon, true, 100, 20);

    [Fact]
    public void The_pruner_cuts_the_largest_leaf_in_whole_metres_and_the_latest_connected_among_equals()
    {
        // root R: a (100.4 m), b under a (250.5 m → 250, half to even), c under a (249.6 m → 250): b and c tie, c is later.
        var links = new[]
        {
            new NetworkLink(0, "R", -1, "R", 100.4), new NetworkLink(1, "a", 0, "R", 250.5), new NetworkLink(2, "a", 0, "R", 249.6),
        };
        var tree = new CostTree("R", links);
        tree.RemoveLargestLeaf();
        Assert.Equal([0, 1], tree.Members.Select(l => l.School));
        tree.RemoveLargestLeaf();
        tree.RemoveLargestLeaf();
        Assert.Equal(1, tree.NodeCount);
    }

    [Fact]
    public void The_pruner_stops_when_the_tree_is_no_dearer_than_its_baselines_or_a_baseline_is_missing()
    {
        var links = new[] { new NetworkLink(0, "R", -1, "R", 10), new NetworkLink(1, "a", 0, "R", 20), new NetworkLink(2, "R", -1, "R", 30) };
        var fibre = new[] { 5.0, 9.0, 7.0 };
        var cut = new CostTree("R", links);
        // 21 > 18: the longest leaf (school 2, though cheaper on fibre) goes, then school 1; 5 <= 6 stops.
        CostTreePruner.Run(cut, s => fibre[s], s => new[] { 6.0, 4.0, 8.0 }[s]);
        Assert.Equal([0], cut.Members.Select(l => l.School));
        var kept = new CostTree("R", links);
        CostTreePruner.Run(kept, s => fibre[s], s => new[] { 1.0, double.PositiveInfinity, 1.0 }[s]);
        Assert.Equal(3, kept.Members.Count());
    }

    [Fact]
    public void The_greedy_connector_grows_from_every_root_and_keeps_only_links_strictly_shorter_than_the_maximum()
    {
        var schools = ImmutableArray.Create(School("a", 0, 0.001), School("b", 0, 0.002), School("c", 0, 0.010));
        var roots = new[] { new NetworkRoot("R", 0, 0) };
        var step = Haversine.Metres(0, 0, 0, 0.001, Haversine.FibreRadiusM);
        var links = GreedyConnector.Grow(roots, schools, [0, 1, 2], step * 1.5, Haversine.FibreRadiusM, dynamic: true);
        Assert.Equal([(0, "R"), (1, "a")], links.Select(l => (l.School, l.ParentId)));
        var exact = GreedyConnector.Grow(roots, schools, [0, 1, 2], step, Haversine.FibreRadiusM, dynamic: true);
        Assert.Empty(exact);
        var direct = GreedyConnector.Grow(roots, schools, [0, 1, 2], step * 2.5, Haversine.FibreRadiusM, dynamic: false);
        Assert.Equal([(0, "R"), (1, "R")], direct.Select(l => (l.School, l.ParentId)));
    }

    [Fact]
    public void Giga_uses_two_earth_radii()
    {
        var fibre = Haversine.Metres(53.2144, 63.6246, 52.9729, 63.1166, Haversine.FibreRadiusM);
        var mean = Haversine.Metres(53.2144, 63.6246, 52.9729, 63.1166, Haversine.MeanRadiusM);
        Assert.Equal(6_371_008.8 / 6_371_000.0, mean / fibre, 12);
    }

    [Fact]
    public void The_baseline_is_the_first_least_total_in_Gigas_order_so_satellite_wins_a_tie_with_cellular()
    {
        var scenario = GigaReference.Scenario("s1_default");
        var sat = scenario.Get<SatelliteConfig>()!;
        var tied = scenario with { Technologies = [.. scenario.Technologies.Select(t => t is CellularConfig c
            ? c with { CapexFixed = sat.CapexFixed, OpexPerMbps = sat.OpexPerMbps, OpexFixed = sat.OpexFixed, RequiredPower = sat.RequiredPower }
            : t)] };
        var costs = CaseCosts.Run(GigaReference.Case, tied);
        var baseline = BaselineLookup.Run(costs, new HashSet<Technology> { Technology.Fiber });
        var both = Enumerable.Range(0, 120).First(i => costs.Total(Technology.Cellular, i) is not null);
        Assert.Equal(costs.Total(Technology.Cellular, both), costs.Total(Technology.Satellite, both));
        Assert.Equal(Technology.Satellite, baseline[both].Technology);
    }
}
