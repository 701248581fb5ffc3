using System.Collections.Immutable;
using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Network;

namespace Dala.Rollout.Giga.Optimal;

/// <summary>
/// A possible hop of a networked technology into school To: from a root (From &lt; 0: root -1 - From) or from another school,
/// shorter than the maximum link; Cost is To's total for the technology when this hop is its own edge.
/// </summary>
public sealed record Arc(int From, int To, string FromId, double DistanceM, double Cost);

/// <summary>
/// The straight-line network a networked technology may use: every hop shorter than the maximum link (strictly) between a root
/// and an eligible school or two eligible schools (schools relay only when relaying is allowed), kept when its head can be
/// reached from a root. Component[i] is the number of schools in i's reachable school component (a bound on i's subtree).
/// </summary>
public sealed record NetworkArcs(Technology Technology, ImmutableArray<Arc> Arcs, ImmutableArray<int> Component)
{
    public static NetworkArcs Build(Technology technology, IReadOnlyList<NetworkRoot> roots, GigaCase input, bool[] eligible,
        double maximumM, double radiusM, bool relay, Func<int, double, double> cost)
    {
        var arcs = new List<Arc>();
        var schools = input.Schools;
        for (var i = 0; i < schools.Length; i++)
        {
            if (!eligible[i]) continue;
            for (var r = 0; r < roots.Count; r++)
            {
                var d = GreedyConnector.Distance(schools[i], roots[r].Lat, roots[r].Lon, radiusM);
                if (d < maximumM) arcs.Add(new Arc(-1 - r, i, roots[r].Id, d, cost(i, d)));
            }
            if (!relay) continue;
            for (var j = 0; j < schools.Length; j++)
            {
                if (j == i || !eligible[j]) continue;
                var d = GreedyConnector.Distance(schools[i], schools[j].Lat, schools[j].Lon, radiusM);
                if (d < maximumM) arcs.Add(new Arc(j, i, schools[j].Id, d, cost(i, d)));
            }
        }
        var reached = Reachable(schools.Length, arcs);
        var kept = arcs.Where(a => reached[a.To] && (a.From < 0 || reached[a.From])).ToImmutableArray();
        return new NetworkArcs(technology, kept, Components(schools.Length, kept));
    }

    private static bool[] Reachable(int n, List<Arc> arcs)
    {
        var reached = new bool[n];
        var queue = new Queue<int>(arcs.Where(a => a.From < 0).Select(a => a.To).Distinct());
        foreach (var s in queue) reached[s] = true;
        var outgoing = arcs.Where(a => a.From >= 0).ToLookup(a => a.From);
        while (queue.TryDequeue(out var s))
            foreach (var a in outgoing[s].Where(a => !reached[a.To])) { reached[a.To] = true; queue.Enqueue(a.To); }
        return reached;
    }

    private static ImmutableArray<int> Components(int n, ImmutableArray<Arc> arcs)
    {
        var label = Enumerable.Range(0, n).ToArray();
        int Find(int x) { while (label[x] != x) x = label[x] = label[label[x]]; return x; }
        foreach (var a in arcs.Where(a => a.From >= 0)) label[Find(a.From)] = Find(a.To);
        var members = arcs.Select(a => a.To).Distinct().ToArray();
        var size = members.GroupBy(Find).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enumerable.Range(0, n).Select(i => size.GetValueOrDefault(Find(i)))];
    }
}
