using Dala.Fibre.Roads;
using Dala.Fibre.Tests.Osm;

namespace Dala.Fibre.Tests.Roads;

/// <summary>
/// A way that references a node the file lacks (normal at the edge of an extract): by default the way is split
/// there and the loss counted; <see cref="MissingNodePolicy.Throw"/> makes it an error.
/// </summary>
public class MissingNodeTests
{
    private static readonly MapWay[] Ways = [new(101, [5, 3, 999, 6, 7, 12], "highway=residential"), new(102, [998, 1], "highway=primary")];

    [Theory]
    [InlineData("pbf")]
    [InlineData("osm")]
    public void A_missing_node_splits_the_way_and_is_counted(string format)
    {
        var extract = RoadExtractor.Extract(RoadMap.Source(format, ways: Ways));
        Assert.Equal(2, extract.PieceCount);
        Assert.Equal([5L, 3], extract.Nodes(0).ToArray().Select(extract.NodeId));
        Assert.Equal([6L, 7, 12], extract.Nodes(1).ToArray().Select(extract.NodeId));
        Assert.Equal(new RoadExtractStats(2, 2, 1, 2, 2, 2), extract.Stats);
        var net = RoadNetwork.Build(extract);
        Assert.Equal(2, net.EdgeCount);
        Assert.Equal(101, net.WayId(1));
    }

    [Fact]
    public void The_throw_policy_names_the_way_and_the_node()
    {
        var e = Assert.Throws<InvalidDataException>(() => RoadExtractor.Extract(RoadMap.Pbf(ways: Ways), missing: MissingNodePolicy.Throw));
        Assert.Equal("map.pbf: way 101 references node 999, which is not in the file", e.Message);
    }
}
