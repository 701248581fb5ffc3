namespace Dala.Geo.Terrain;

/// <summary>Whether a terrain source has data for a point (for SRTM: a tile file exists for it).</summary>
/// <remarks>Coverage is not a promise of a height: a covered point can still be in a void.</remarks>
public interface ITerrainCoverage
{
    bool Covers(LonLat p);
}
