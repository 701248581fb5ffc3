using Dala.Geo;
using NetTopologySuite.Geometries;

namespace Dala.Radio.Coverage;

/// <summary>A road polyline to assess, from a GeoJSON line feature or OSM.</summary>
public sealed record Road(string Id, string? Name, string? Highway, Geometry Line, bool Synthetic);

/// <summary>How much of a road has service: kilometres sampled, kilometres at or above the RSRP threshold.</summary>
public sealed record RoadCoverage(string Id, string? Name, string? Highway, double Km, double CoveredKm, Geometry Line, bool Synthetic)
{
    public double Share => Km <= 0 ? 0 : CoveredKm / Km;
}

public static class RoadAssessment
{
    /// <summary>
    /// Samples each line every stepKm along its great-circle length (the middle of each step stands for it) and
    /// counts the kilometres whose best RSRP meets the threshold.
    /// </summary>
    public static IReadOnlyList<RoadCoverage> Assess(IReadOnlyList<Road> roads, Func<LonLat, double> bestRsrpDbm, double thresholdDbm, double stepKm = 1.0)
    {
        var result = new RoadCoverage[roads.Count];
        Parallel.For(0, roads.Count, i =>
        {
            var road = roads[i];
            double km = 0, covered = 0;
            foreach (var line in Lines(road.Line))
            {
                var pts = line.Coordinates;
                for (var j = 1; j < pts.Length; j++)
                {
                    var a = new LonLat(pts[j - 1].X, pts[j - 1].Y);
                    var b = new LonLat(pts[j].X, pts[j].Y);
                    var seg = GeoMath.DistanceKm(a, b);
                    var n = Math.Max(1, (int)Math.Ceiling(seg / stepKm));
                    for (var k = 0; k < n; k++)
                    {
                        var t = (k + 0.5) / n;
                        var p = new LonLat(a.Lon + (b.Lon - a.Lon) * t, a.Lat + (b.Lat - a.Lat) * t);
                        var piece = seg / n;
                        km += piece;
                        if (bestRsrpDbm(p) >= thresholdDbm) covered += piece;
                    }
                }
            }
            result[i] = new RoadCoverage(road.Id, road.Name, road.Highway, km, covered, road.Line, road.Synthetic);
        });
        return result;
    }

    private static IEnumerable<LineString> Lines(Geometry g) => g switch
    {
        LineString l => [l],
        MultiLineString m => m.Geometries.OfType<LineString>(),
        _ => throw new ArgumentException($"a road must be a LineString or MultiLineString, not {g.GeometryType}"),
    };
}
