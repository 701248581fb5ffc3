using System.Text.Json;
using Dala.Geo.Io;

namespace Dala.Geo.Tests;

public class TopoJsonTests
{
    [Fact]
    public void Decodes_quantized_delta_arcs_and_reversed_arcs()
    {
        // Two unit squares sharing an edge, quantized with scale 0.5: the second uses arc 0 reversed (~0 = -1).
        var topo = """
            {"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
             "objects":{"countries":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","id":"1","properties":{"name":"Left"},"arcs":[[0,1]]},
               {"type":"Polygon","id":"2","properties":{"name":"Right"},"arcs":[[-1,2]]}]}},
             "arcs":[[[2,0],[0,2]],[[2,2],[-2,0],[0,-2],[2,0]],[[2,0],[2,0],[0,2],[-2,0]]]}
            """;
        using var doc = JsonDocument.Parse(topo);
        var shapes = TopoJson.ReadPolygons(doc.RootElement, "countries");
        Assert.Equal(2, shapes.Count);
        Assert.Equal("Left", shapes[0].Name);
        Assert.Equal(1.0, shapes[0].Geometry.Area, 9);
        Assert.Equal(1.0, shapes[1].Geometry.Area, 9);
        Assert.Equal(10.0, shapes[0].Geometry.EnvelopeInternal.MinX, 9);
        Assert.Equal(12.0, shapes[1].Geometry.EnvelopeInternal.MaxX, 9);
        Assert.True(shapes[0].Geometry.Touches(shapes[1].Geometry));
    }
}
