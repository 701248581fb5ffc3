using Dala.Geo;

namespace Dala.Events.Model;

/// <summary>
/// Where a mass event happens: a point with a radius (km), or a polygon (lon/lat ring, 3..1,000 vertices, closed or not).
/// <see cref="Centre"/> is the point, or the polygon's vertex mean (what maps centre on and bearings aim at).
/// </summary>
public sealed record EventPlace
{
    public const int MaxVertices = 1000;

    private EventPlace(LonLat centre, double? radiusKm, IReadOnlyList<LonLat>? polygon) =>
        (Centre, RadiusKm, Polygon) = (centre, radiusKm, polygon);

    public LonLat Centre { get; }

    /// <summary>The radius of a point place, km; null for a polygon.</summary>
    public double? RadiusKm { get; }

    /// <summary>The ring of a polygon place (not repeated at the end); null for a point place.</summary>
    public IReadOnlyList<LonLat>? Polygon { get; }

    public bool IsPolygon => Polygon is not null;

    public static EventPlace Circle(LonLat centre, double radiusKm) => new(centre, radiusKm, null);

    public static EventPlace Area(IReadOnlyList<LonLat> ring)
    {
        var open = ring.Count > 1 && ring[0] == ring[^1] ? ring.Take(ring.Count - 1).ToArray() : ring.ToArray();
        var centre = open.Length == 0 ? new LonLat(0, 0) : new LonLat(open.Average(p => p.Lon), open.Average(p => p.Lat));
        return new EventPlace(centre, null, open);
    }

    /// <summary>What is wrong with the place, as (field, reason); empty when it is usable.</summary>
    public IEnumerable<(string Field, string Reason)> Problems()
    {
        if (Polygon is null)
        {
            foreach (var p in PointProblems(Centre, "place")) yield return p;
            if (RadiusKm is not (>= 0.05 and <= 20)) yield return ("radius_km", FormattableString.Invariant($"{RadiusKm} is outside 0.05..20 km"));
            yield break;
        }
        if (Polygon.Count is < 3 or > MaxVertices) yield return ("polygon", $"has {Polygon.Count} vertices; a place needs 3..{MaxVertices}");
        for (var i = 0; i < Polygon.Count; i++)
            foreach (var p in PointProblems(Polygon[i], $"polygon[{i}]")) { yield return p; yield break; }
        if (Polygon.Count >= 3 && Math.Abs(SignedAreaKm2()) < 1e-6) yield return ("polygon", "encloses no area");
    }

    /// <summary>True when the point lies in the place (on a polygon's edge counts).</summary>
    public bool Contains(LonLat p) => DistanceKm(p) <= 0;

    /// <summary>Great-circle km from the point to the place's edge; 0 inside.</summary>
    public double DistanceKm(LonLat p)
    {
        if (Polygon is null) return Math.Max(0, GeoMath.DistanceKm(Centre, p) - RadiusKm!.Value);
        if (Inside(p)) return 0;
        var best = double.PositiveInfinity;
        for (var i = 0; i < Polygon.Count; i++)
            best = Math.Min(best, SegmentKm(p, Polygon[i], Polygon[(i + 1) % Polygon.Count]));
        return best;
    }

    /// <summary>Ray casting on lon/lat (places are small: a stadium, a square, a park).</summary>
    private bool Inside(LonLat p)
    {
        var ring = Polygon!;
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (a, b) = (ring[i], ring[j]);
            if ((a.Lat > p.Lat) != (b.Lat > p.Lat) && p.Lon < (b.Lon - a.Lon) * (p.Lat - a.Lat) / (b.Lat - a.Lat) + a.Lon) inside = !inside;
        }
        return inside;
    }

    /// <summary>Distance from p to segment ab on a local plane around p (km east and north), exact enough within tens of km.</summary>
    private static double SegmentKm(LonLat p, LonLat a, LonLat b)
    {
        var k = Math.Cos(GeoMath.ToRad(p.Lat));
        var (ax, ay) = ((a.Lon - p.Lon) * 111.32 * k, (a.Lat - p.Lat) * 110.57);
        var (bx, by) = ((b.Lon - p.Lon) * 111.32 * k, (b.Lat - p.Lat) * 110.57);
        var (dx, dy) = (bx - ax, by - ay);
        var len2 = dx * dx + dy * dy;
        var t = len2 == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / len2, 0, 1);
        var (x, y) = (ax + t * dx, ay + t * dy);
        return Math.Sqrt(x * x + y * y);
    }

    private double SignedAreaKm2()
    {
        var ring = Polygon!;
        var k = Math.Cos(GeoMath.ToRad(Centre.Lat));
        var sum = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
            sum += (a.Lon * k * 111.32) * (b.Lat * 110.57) - (b.Lon * k * 111.32) * (a.Lat * 110.57);
        }
        return sum / 2;
    }

    private static IEnumerable<(string, string)> PointProblems(LonLat p, string field)
    {
        if (p.Problem() is { } why) yield return (field, why);
    }

    public bool Equals(EventPlace? o) => o is not null && Centre == o.Centre && RadiusKm == o.RadiusKm &&
        (Polygon is null ? o.Polygon is null : o.Polygon is not null && Polygon.SequenceEqual(o.Polygon));

    public override int GetHashCode() => HashCode.Combine(Centre, RadiusKm, Polygon?.Count);
}
