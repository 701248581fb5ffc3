namespace Dala.Geo.Terrain;

/// <summary>
/// Ground elevation, m above sea level, wherever it is known. Radio code takes this interface and does not know
/// whether the heights come from SRTM tiles, a test function or anything else.
/// </summary>
public interface ITerrain
{
    /// <summary>The ground height at <paramref name="p"/>, m; null when it is unknown (no data, or voids only).</summary>
    double? HeightAt(LonLat p);
}
