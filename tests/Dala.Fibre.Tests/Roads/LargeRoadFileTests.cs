using Dala.Fibre.Roads;
using Dala.Fibre.Tests.Osm;
using Dala.Geo;

namespace Dala.Fibre.Tests.Roads;

/// <summary>
/// A few hundred thousand generated nodes through PBF writing, streaming extraction and graph building: checks
/// counts and lengths only, no timing. Rows of 600 nodes are east-west roads; every 50th column is a north-south
/// road crossing them, so each row collapses into a chain of junction-to-junction edges.
/// </summary>
public class LargeRoadFileTests
{
    private const int Rows = 500, Columns = 600, Every = 50;

    [Fact]
    public void A_generated_grid_of_three_hundred_thousand_nodes_collapses_correctly()
    {
        static long Id(int r, int c) => 1_000_000_000L + (r * Columns) + c;
        static LonLat At(int r, int c) => new(60 + c * 0.001, 45 + r * 0.001);
        var nodes = new List<MapNode>(Rows * Columns);
        for (var r = 0; r < Rows; r++)
            for (var c = 0; c < Columns; c++) nodes.Add(new MapNode(Id(r, c), At(r, c).Lon, At(r, c).Lat));
        var ways = new List<MapWay>();
        for (var r = 0; r < Rows; r++) ways.Add(new MapWay(r + 1, [.. Enumerable.Range(0, Columns).Select(c => Id(r, c))], "highway=residential"));
        for (var c = 0; c < Columns; c += Every) ways.Add(new MapWay(10_000 + c, [.. Enumerable.Range(0, Rows).Select(r => Id(r, c))], "highway=secondary"));
        var file = new PbfFile().Header();
        for (var i = 0; i < nodes.Count; i += 8000) file.Dense(nodes.GetRange(i, Math.Min(8000, nodes.Count - i)));
        for (var i = 0; i < ways.Count; i += 100) file.Ways(ways.GetRange(i, Math.Min(100, ways.Count - i)));

        var net = RoadNetwork.Load(file.Source());

        var crossings = Columns / Every;
        var rowEnds = Columns % Every == 1 ? 0 : 1; // the last node of a row is a junction unless it is a crossing
        Assert.Equal(Rows * (crossings + rowEnds), net.NodeCount);
        Assert.Equal(Rows * (crossings - 1 + rowEnds) + crossings * (Rows - 1), net.EdgeCount);
        var rowKm = Enumerable.Range(0, Rows).Sum(r => Enumerable.Range(1, Columns - 1).Sum(c => GeoMath.DistanceKm(At(r, c - 1), At(r, c))));
        var columnKm = Enumerable.Range(0, Columns / Every).Sum(k => Enumerable.Range(1, Rows - 1).Sum(r => GeoMath.DistanceKm(At(r - 1, k * Every), At(r, k * Every))));
        Assert.Equal(rowKm + columnKm, net.TotalKm, 6);
        Assert.Equal(Rows + crossings, net.ExtractStats.WaysSelected);
        var village = At(250, 340);
        var snap = net.Snap([village]);
        var connector = snap.Connectors[0];
        // The village sits on a vertex inside a row's edge: the edge is split there and the connector has no length.
        Assert.Equal((net.NodeCount + 1, 0.0), (connector.RoadNode, connector.Km));
        Assert.Equal(net.EdgeCount + 2, snap.Builder.EdgeCount);
        Assert.Equal(net.TotalKm, Enumerable.Range(0, snap.Builder.EdgeCount).Sum(snap.Km), 6);
    }
}
