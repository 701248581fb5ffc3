using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Dala.Geo;

/// <summary>
/// Finds which of a set of keyed polygons contains a point (STR-tree on envelopes, prepared geometries
/// for the exact test). Points on a shared border go to the first key in the order given.
/// </summary>
public sealed class PolygonLocator<TKey> where TKey : notnull
{
    private readonly STRtree<(int Order, TKey Key, IPreparedGeometry Shape)> _tree = new();

    public PolygonLocator(IEnumerable<(TKey Key, Geometry Shape)> polygons)
    {
        var order = 0;
        foreach (var (key, shape) in polygons)
        {
            _tree.Insert(shape.EnvelopeInternal, (order++, key, PreparedGeometryFactory.Prepare(shape)));
        }
        _tree.Build();
        Count = order;
    }

    public int Count { get; }

    public bool TryLocate(LonLat p, out TKey key)
    {
        var point = Io.GeoJsonGeometry.Factory.CreatePoint(new Coordinate(p.Lon, p.Lat));
        var best = int.MaxValue;
        key = default!;
        foreach (var c in _tree.Query(point.EnvelopeInternal))
        {
            if (c.Order < best && c.Shape.Covers(point)) { best = c.Order; key = c.Key; }
        }
        return best != int.MaxValue;
    }
}
