using Dala.Fibre.Graphs;
using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>Collapses extracted lines into a junction graph: chains of nodes used by one line become one edge.</summary>
internal static class RoadNetworkBuilder
{
    public static RoadNetwork Build(RoadWays ways, CostBook costs, double costScale)
    {
        ArgumentNullException.ThrowIfNull(ways);
        ArgumentNullException.ThrowIfNull(costs);
        var graphNode = Junctions(ways, out var count);
        var builder = new GraphBuilder(count, costScale);
        var positions = new LonLat[count];
        var osmIds = new long[count];
        for (var i = 0; i < ways.NodeCount; i++)
        {
            if (graphNode[i] < 0) continue;
            positions[graphNode[i]] = ways.Position(i);
            osmIds[graphNode[i]] = ways.NodeId(i);
            builder.SetCoordinate(graphNode[i], ways.Position(i).Lon, ways.Position(i).Lat);
        }
        var edges = new RoadEdges();
        var polyline = new List<LonLat>();
        for (var p = 0; p < ways.PieceCount; p++)
        {
            var nodes = ways.Nodes(p);
            var u = graphNode[nodes[0]];
            var km = 0.0;
            polyline.Clear();
            polyline.Add(ways.Position(nodes[0]));
            for (var k = 1; k < nodes.Length; k++)
            {
                var here = ways.Position(nodes[k]);
                km += GeoMath.DistanceKm(polyline[^1], here);
                polyline.Add(here);
                var v = graphNode[nodes[k]];
                if (v < 0) continue;
                if (v == u) edges.DropLoop();
                else
                {
                    builder.AddEdgeReal(u, v, km * costs.PerKm(ways.Class(p)));
                    edges.Add(km, ways.Class(p), ways.WayId(p), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(polyline));
                }
                (u, km) = (v, 0.0);
                polyline.Clear();
                polyline.Add(here);
            }
        }
        return new RoadNetwork(builder.Build(), costs, ways.Source, positions, osmIds, edges.Seal(), ways.Stats);
    }

    /// <summary>Graph node numbers (in OSM id order) for line ends and nodes used twice or more; -1 for the rest.</summary>
    private static int[] Junctions(RoadWays ways, out int count)
    {
        var uses = new int[ways.NodeCount];
        for (var p = 0; p < ways.PieceCount; p++)
        {
            var nodes = ways.Nodes(p);
            foreach (var n in nodes) uses[n]++;
            uses[nodes[0]] = Math.Max(uses[nodes[0]], 2);
            uses[nodes[^1]] = Math.Max(uses[nodes[^1]], 2);
        }
        count = 0;
        for (var i = 0; i < uses.Length; i++) uses[i] = uses[i] >= 2 ? count++ : -1;
        return uses;
    }
}
