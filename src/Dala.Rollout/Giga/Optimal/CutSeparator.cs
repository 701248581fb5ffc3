namespace Dala.Rollout.Giga.Optimal;

/// <summary>
/// A connectivity cut of a networked technology: the arcs entering the school set must carry at least the target's own
/// incoming arc (a school in the network is reached from a root through some arc into any set that holds it).
/// </summary>
internal sealed record ConnectivityCut(int Network, int[] Set, int Target);

/// <summary>Finds the connectivity cuts an LP point violates, by a minimum cut from the roots to each school it puts in the network.</summary>
internal static class CutSeparator
{
    public static IEnumerable<ConnectivityCut> Violated(int network, NetworkArcs arcs, double[] use, int schools, double tolerance)
    {
        var into = new double[schools];
        for (var k = 0; k < use.Length; k++) into[arcs.Arcs[k].To] += use[k];
        for (var target = 0; target < schools; target++)
        {
            if (into[target] <= tolerance) continue;
            var flow = new MaxFlow(schools + 1);
            for (var k = 0; k < use.Length; k++)
                if (use[k] > 1e-9) flow.Add(arcs.Arcs[k].From < 0 ? schools : arcs.Arcs[k].From, arcs.Arcs[k].To, use[k]);
            if (flow.Run(schools, target, into[target]) >= into[target] - tolerance) continue;
            var side = flow.SinkSide(target);
            yield return new ConnectivityCut(network, [.. Enumerable.Range(0, schools).Where(s => side[s])], target);
        }
    }
}
