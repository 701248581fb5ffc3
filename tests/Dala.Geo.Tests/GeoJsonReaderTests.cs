using System.Text;
using Dala.Geo.Io;

namespace Dala.Geo.Tests;

public class GeoJsonReaderTests
{
    private const string Two = """
        {
        "type": "FeatureCollection",
        "features": [
        { "type": "Feature", "properties": { "name": "A" }, "geometry": { "type": "Point", "coordinates": [ 71.4, 51.1 ] } },
        { "type": "Feature", "properties": { "name": "B", "population": 42 }, "geometry": { "type": "Point", "coordinates": [ 76.9, 43.2 ] } }
        ]
        }
        """;

    [Fact]
    public void Features_carry_the_line_they_start_on()
    {
        var fs = GeoJsonReader.ReadFeatures(Encoding.UTF8.GetBytes(Two));
        Assert.Equal(2, fs.Count);
        Assert.Equal(4, fs[0].Line);
        Assert.Equal(5, fs[1].Line);
        Assert.Equal("B", fs[1].Text("name"));
        Assert.Equal("42", fs[1].Text("population"));
        Assert.Null(fs[0].Text("population"));
    }

    [Fact]
    public void Truncated_file_is_reported_with_a_line()
    {
        var cut = Two[..(Two.IndexOf("76.9", StringComparison.Ordinal))];
        var e = Assert.Throws<GeoJsonFormatException>(() => GeoJsonReader.ReadFeatures(Encoding.UTF8.GetBytes(cut)));
        Assert.Equal(5, e.Line);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        var broken = Two.Replace("\"name\": \"B\",", "\"name\": \"B\" ,,");
        var e = Assert.Throws<GeoJsonFormatException>(() => GeoJsonReader.ReadFeatures(Encoding.UTF8.GetBytes(broken)));
        Assert.Equal(5, e.Line);
    }

    [Fact]
    public void A_json_that_is_not_a_feature_collection_says_so()
    {
        var e = Assert.Throws<GeoJsonFormatException>(() => GeoJsonReader.ReadFeatures("{\"type\":\"Point\",\"coordinates\":[1,2]}"u8));
        Assert.Contains("FeatureCollection", e.Message);
    }

    [Fact]
    public void Polygons_round_trip_through_the_writer()
    {
        var json = """{"type":"MultiPolygon","coordinates":[[[[0,0],[2,0],[2,2],[0,2],[0,0]],[[0.5,0.5],[1,0.5],[1,1],[0.5,0.5]]]]}""";
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var g = GeoJsonGeometry.Read(doc.RootElement);
        Assert.Equal(4 - 0.125, g.Area, 9);
        using var ms = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(ms)) GeoJsonGeometry.Write(w, g);
        Assert.Equal(json, Encoding.UTF8.GetString(ms.ToArray()));
    }
}
