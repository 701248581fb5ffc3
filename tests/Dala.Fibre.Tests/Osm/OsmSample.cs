using Dala.Fibre.Osm;
using Dala.Geo;

namespace Dala.Fibre.Tests.Osm;

/// <summary>A few nodes and ways with awkward values (negative and 64-bit ids, Cyrillic, extreme coordinates).</summary>
internal static class OsmSample
{
    public static readonly MapNode[] Nodes =
    [
        new(1, 71.4491, 51.1694, "place=city", "name=Астана"),
        new(2, 76.9286, 43.2567),
        new(-5, -0.1234567, -33.9999999, "note=a negative id & <markup>"),
        new(9_000_000_001, 179.9999999, 89.9999999),
        new(9_000_000_002, 50.0000001, 40.0000001, "a=b", "c=d"),
    ];

    public static readonly MapWay[] Ways =
    [
        new(10, [1, 2, 9_000_000_001], "highway=primary", "ref=M-36"),
        new(11, [2, -5]),
        new(12_345_678_901, [9_000_000_002, 1, 2, 1], "railway=rail"),
    ];

    public static string Xml => OsmXmlText.Write(Nodes, Ways);

    /// <summary>Asserts that the data read back is exactly the sample, in order.</summary>
    public static void AssertReadBack(OsmData data)
    {
        Assert.Equal(Nodes.Length, data.Nodes.Length);
        Assert.Equal(Ways.Length, data.Ways.Length);
        for (var i = 0; i < Nodes.Length; i++)
        {
            Assert.Equal(Nodes[i].Id, data.Nodes[i].Id);
            Assert.Equal(new LonLat(Nodes[i].Lon, Nodes[i].Lat), data.Nodes[i].Position);
            Assert.Equal(MapTags.Dictionary(Nodes[i].Tags), data.Nodes[i].Tags);
        }
        for (var i = 0; i < Ways.Length; i++)
        {
            Assert.Equal(Ways[i].Id, data.Ways[i].Id);
            Assert.Equal(Ways[i].Refs, data.Ways[i].NodeIds.ToArray());
            Assert.Equal(MapTags.Dictionary(Ways[i].Tags), data.Ways[i].Tags);
        }
    }
}
