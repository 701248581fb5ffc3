using Dala.Geo;
using Dala.Geo.Terrain;

namespace Dala.Radio.Coverage;

/// <summary>What a coverage run is asked to do.</summary>
/// <param name="Terrain">A DEM, or null for ITM area mode everywhere.</param>
/// <param name="TerrainSynthetic">True when the DEM is a synthetic surface (the run is then labelled synthetic).</param>
/// <param name="RasterArea">The area of the RSRP raster, or null for none.</param>
public sealed record CoverageRequest(
    CoverageSettings Settings,
    ITerrain? Terrain,
    bool TerrainSynthetic,
    string? PatternsFolder,
    IReadOnlyList<Road> Roads,
    BBox? RasterArea,
    double RasterCellDeg = 0.01);
