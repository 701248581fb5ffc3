namespace Dala.Geo.Terrain;

/// <summary>
/// SYNTHETIC digital elevation model: writes .hgt tiles of an invented analytic surface, for tests and demos
/// where real SRTM tiles are not at hand. Nothing it writes is real terrain.
/// </summary>
public static class SyntheticDem
{
    /// <summary>
    /// Writes one tile for every 1 x 1 degree cell that <paramref name="area"/> touches (a box with whole-degree
    /// edges gets exactly its tiles) into <paramref name="folder"/>; returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteTiles(string folder, BBox area, HgtResolution resolution, ITerrain surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (!area.IsValid) throw new ArgumentException($"{area} is not a valid lon/lat box", nameof(area));
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        var north = Math.Max(Math.Floor(area.South) + 1, Math.Ceiling(area.North));
        var east = Math.Max(Math.Floor(area.West) + 1, Math.Ceiling(area.East));
        for (var lat = Math.Floor(area.South); lat < north; lat++)
        {
            for (var lon = Math.Floor(area.West); lon < east; lon++)
            {
                if (HgtTileName.TryCreate(lat, lon) is { } tile)
                    paths.Add(HgtWriter.WriteTile(folder, tile, resolution, surface.HeightAt));
            }
        }
        return paths;
    }

    /// <summary>
    /// SYNTHETIC surface: a flat plain at <paramref name="plainM"/> with a Gaussian ridge <paramref name="ridgeM"/>
    /// high along the segment <paramref name="ridgeFrom"/>-<paramref name="ridgeTo"/>:
    /// h = plain + ridge * exp(-(d / halfWidth)²), d the distance to the segment (local flat-earth km).
    /// </summary>
    public static SyntheticTerrain PlainWithRidge(double plainM, LonLat ridgeFrom, LonLat ridgeTo, double ridgeM, double halfWidthKm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfWidthKm);
        const double kmPerDegree = GeoMath.EarthRadiusKm * Math.PI / 180.0;
        var kx = kmPerDegree * Math.Cos(GeoMath.ToRad((ridgeFrom.Lat + ridgeTo.Lat) / 2));
        double ax = ridgeFrom.Lon * kx, ay = ridgeFrom.Lat * kmPerDegree;
        double dx = ridgeTo.Lon * kx - ax, dy = ridgeTo.Lat * kmPerDegree - ay;
        var len2 = dx * dx + dy * dy;
        return new SyntheticTerrain(p =>
        {
            double px = p.Lon * kx - ax, py = p.Lat * kmPerDegree - ay;
            var t = len2 > 0 ? Math.Clamp((px * dx + py * dy) / len2, 0, 1) : 0;
            double ex = px - t * dx, ey = py - t * dy;
            return plainM + ridgeM * Math.Exp(-(ex * ex + ey * ey) / (halfWidthKm * halfWidthKm));
        });
    }
}
