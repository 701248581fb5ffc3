using System.Collections.Immutable;
using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Giga.Network;

/// <summary>
/// Giga's GreedyDistanceConnector: a priority queue of (unconnected school, connected site) pairs closer than the maximum
/// (strictly); the closest pair connects its school, which (when dynamic) is queued as a new site for the others. With
/// dynamic connection this is Prim's algorithm grown from all roots at once. Links come out in connection order.
/// Equal distances: Giga breaks ties with uniform noise below 1e-4 m; here the earlier queued pair wins.
/// </summary>
public static class GreedyConnector
{
    public static ImmutableArray<NetworkLink> Grow(IReadOnlyList<NetworkRoot> roots, IReadOnlyList<GigaSchool> schools,
        IReadOnlyList<int> participants, double maximumM, double radiusM, bool dynamic)
    {
        var queue = new PriorityQueue<(int School, int From), (double D, long Seq)>();
        long seq = 0;
        var connected = new bool[schools.Count];
        var rootOf = new string[schools.Count];
        var links = ImmutableArray.CreateBuilder<NetworkLink>();
        foreach (var s in participants)
            for (var r = 0; r < roots.Count; r++)
            {
                var d = Distance(schools[s], roots[r].Lat, roots[r].Lon, radiusM);
                if (d < maximumM) queue.Enqueue((s, -1 - r), (d, seq++));
            }
        while (queue.TryDequeue(out var pair, out var key))
        {
            if (connected[pair.School]) continue;
            connected[pair.School] = true;
            var fromRoot = pair.From < 0;
            var parentId = fromRoot ? roots[-1 - pair.From].Id : schools[pair.From].Id;
            rootOf[pair.School] = fromRoot ? parentId : rootOf[pair.From];
            links.Add(new NetworkLink(pair.School, parentId, fromRoot ? -1 : pair.From, rootOf[pair.School], key.D));
            if (!dynamic) continue;
            var site = schools[pair.School];
            foreach (var s in participants)
            {
                if (connected[s]) continue;
                var d = Distance(schools[s], site.Lat, site.Lon, radiusM);
                if (d < maximumM) queue.Enqueue((s, pair.School), (d, seq++));
            }
        }
        return links.ToImmutable();
    }

    public static double Distance(GigaSchool s, double lat, double lon, double radiusM) =>
        Costs.Haversine.Metres(s.Lat, s.Lon, lat, lon, radiusM);
}
