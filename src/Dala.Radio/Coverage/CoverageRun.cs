using Dala.Geo;

namespace Dala.Radio.Coverage;

/// <summary>
/// One coverage run as kept by the store: what it assumed, per-settlement predictions, road coverage and the
/// raster, if any. Synthetic when any input (sites, terrain, roads) was synthetic.
/// </summary>
public sealed record CoverageRun(
    long Id,
    DateTimeOffset CreatedAt,
    string Model,
    bool TerrainUsed,
    bool Synthetic,
    string Assumptions,
    int Sites,
    IReadOnlyList<TargetPrediction> Settlements,
    IReadOnlyList<RoadCoverage> Roads,
    CoverageRasterFiles? Raster);

/// <summary>A coverage raster as the web map and GIS want it: PNG overlay with its legend, and the GeoTIFF.</summary>
public sealed record CoverageRasterFiles(BBox Bounds, int Width, int Height, double CellDeg, byte[] Png, byte[] GeoTiff, string LegendJson);

/// <summary>Where coverage runs are kept (declared here, implemented by every store).</summary>
public interface ICoverageStore
{
    /// <summary>Saves the run in one transaction; returns its id.</summary>
    long SaveRun(CoverageRun run);

    /// <summary>The most recent run, or null when there is none.</summary>
    CoverageRun? LatestRun();

    /// <summary>The id of the most recent run (cheap), or null when there is none.</summary>
    long? LatestRunId();
}
