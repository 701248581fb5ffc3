using Dala.Fibre.Osm;

namespace Dala.Fibre.Roads;

/// <summary>
/// Extracts the selected roads (and optionally railways) of an OSM file in two streaming passes: the ways first,
/// then the coordinates of only the nodes they reference, so it works whatever the order of nodes and ways in
/// the file. Memory is about 30 bytes per referenced node.
/// </summary>
public static class RoadExtractor
{
    /// <param name="selection">The classes to keep; null is <see cref="RoadSelection.Default"/>.</param>
    /// <param name="missing">What to do with references to nodes the file lacks (default: split the way and count).</param>
    public static RoadWays Extract(IOsmSource source, RoadSelection? selection = null, MissingNodePolicy missing = MissingNodePolicy.Split)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ways = new WayPass(selection ?? RoadSelection.Default);
        source.Read(ways);
        var wanted = ways.Refs.Span.ToArray();
        Array.Sort(wanted);
        var nodes = new NodePass(Distinct(wanted));
        source.Read(nodes);
        var (ids, positions) = nodes.Found();
        return Pieces(source.Name, ways, ids, positions, missing);
    }

    private static RoadWays Pieces(string name, WayPass ways, long[] ids, Geo.LonLat[] positions, MissingNodePolicy missing)
    {
        var start = new List<int> { 0 };
        var nodes = new List<int>(ways.Refs.Count);
        var classes = new List<RoadClass>();
        var wayIds = new List<long>();
        int missingRefs = 0, waysWithMissing = 0, dropped = ways.Dropped;
        for (var w = 0; w < ways.Ids.Count; w++)
        {
            var before = classes.Count;
            var lost = 0;
            for (var k = ways.Start[w]; k < ways.Start[w + 1]; k++)
            {
                var i = Array.BinarySearch(ids, ways.Refs[k]);
                if (i >= 0)
                {
                    nodes.Add(i);
                    continue;
                }
                if (missing == MissingNodePolicy.Throw)
                    throw new InvalidDataException($"{name}: way {ways.Ids[w]} references node {ways.Refs[k]}, which is not in the file");
                lost++;
                EndPiece(w);
            }
            EndPiece(w);
            missingRefs += lost;
            if (lost > 0) waysWithMissing++;
            if (classes.Count == before) dropped++;
        }
        var stats = new RoadExtractStats(ways.WaysRead, ways.Ids.Count, dropped, classes.Count, missingRefs, waysWithMissing);
        return new RoadWays(name, ids, positions, [.. start], [.. nodes], [.. classes], [.. wayIds], stats);

        void EndPiece(int w)
        {
            if (nodes.Count - start[^1] < 2)
            {
                nodes.RemoveRange(start[^1], nodes.Count - start[^1]);
                return;
            }
            start.Add(nodes.Count);
            classes.Add(ways.Classes[w]);
            wayIds.Add(ways.Ids[w]);
        }
    }

    private static long[] Distinct(long[] sorted)
    {
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
            if (n == 0 || sorted[n - 1] != sorted[i]) sorted[n++] = sorted[i];
        return sorted[..n];
    }
}
