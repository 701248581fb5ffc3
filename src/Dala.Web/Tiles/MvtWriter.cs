using Dala.Geo;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace Dala.Web.Tiles;

/// <summary>One point feature of a vector tile: where, and its properties (numbers, strings and booleans; nulls are left out).</summary>
public sealed record TilePoint(LonLat At, IReadOnlyList<KeyValuePair<string, object?>> Properties);

/// <summary>Writes Mapbox vector tiles (protobuf, extent 4096) of points with NetTopologySuite.IO.VectorTiles.Mapbox.</summary>
public static class MvtWriter
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>The tile's bytes: one layer named <paramref name="layer"/> holding the points (a point outside the tile is kept, as a buffer).</summary>
    public static byte[] Points(TileAddress address, string layer, IEnumerable<TilePoint> points)
    {
        var tile = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(address.X, address.Y, address.Z);
        var vt = new VectorTile { TileId = tile.Id };
        var l = new Layer { Name = layer };
        foreach (var p in points)
        {
            var attributes = new AttributesTable();
            foreach (var (k, v) in p.Properties)
                if (v is not null) attributes.Add(k, v);
            l.Features.Add(new Feature(Factory.CreatePoint(new Coordinate(p.At.Lon, p.At.Lat)), attributes));
        }
        vt.Layers.Add(l);
        using var output = new MemoryStream();
        vt.Write(output, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent);
        return output.ToArray();
    }
}
