using Dala.Geo.Terrain;

namespace Dala.Geo.Tests.Terrain;

/// <summary>Analytic test surfaces whose .hgt samples are whole metres, so bilinear lookups reproduce them exactly.</summary>
internal static class Surfaces
{
    /// <summary>
    /// h = 100 + 3600 (lat - lat0) + 7200 (lon - lon0): 1 m and 2 m per 1" sample, 3 m and 6 m per 3" sample,
    /// so every sample is a whole number (the brief's 2000/500 slopes are not at 3" spacing, and .hgt stores integers).
    /// </summary>
    public static Func<LonLat, double?> Plane(double lon0 = 76, double lat0 = 43) =>
        p => PlaneAt(p, lon0, lat0);

    public static double PlaneAt(LonLat p, double lon0 = 76, double lat0 = 43) =>
        100 + 3600 * (p.Lat - lat0) + 7200 * (p.Lon - lon0);

    public static readonly HgtTileName N43E076 = new(43, 76);
    public static readonly HgtTileName N43E077 = new(43, 77);
    public static readonly HgtTileName N44E076 = new(44, 76);
    public static readonly HgtTileName N44E077 = new(44, 77);

    /// <summary>The lon/lat of a sample of a 3" tile (row 0 north, column 0 west).</summary>
    public static LonLat SamplePoint(HgtTileName tile, int row, int col, int last = 1200) =>
        new(tile.WestLon + (double)col / last, tile.SouthLat + 1 - (double)row / last);
}

/// <summary>The plane over 2 x 2 3" tiles N43..N44, E076..E077, written once per test class.</summary>
public sealed class PlaneTiles : IDisposable
{
    private readonly Dala.Testing.TempDir _dir = new();

    public PlaneTiles()
    {
        foreach (var t in new[] { Surfaces.N43E076, Surfaces.N43E077, Surfaces.N44E076, Surfaces.N44E077 })
            HgtWriter.WriteTile(_dir.Path, t, HgtResolution.ThreeArcSecond, Surfaces.Plane());
        Terrain = new HgtTerrain(_dir.Path);
    }

    public string Folder => _dir.Path;

    public HgtTerrain Terrain { get; }

    public void Dispose() => _dir.Dispose();
}
