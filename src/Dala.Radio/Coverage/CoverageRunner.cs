using System.Diagnostics;
using System.Text.Json;
using Dala.Geo;
using Dala.Geo.Raster;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Radio.Coverage;

/// <summary>
/// A whole coverage run: every settlement of the registry against its sites, roads, an optional raster; the
/// results saved as one run. Phases are reported for a progress bar.
/// </summary>
public sealed class CoverageRunner(IRegistryStore registry, ICoverageStore coverage, IClock clock)
{
    public sealed record Outcome(CoverageRun Run, RasterGrid? Grid, TimeSpan Elapsed);

    public Outcome Run(CoverageRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        var snap = registry.ReadSnapshot();
        if (snap.Sites.Count == 0)
            throw new ArgumentException("the store has no radio sites: import them (dala import sites FILE.csv) or place a synthetic layout (dala scenario sites)");
        var engine = new CoverageEngine(snap.Sites, request.Terrain, request.Settings, new PatternLibrary(request.PatternsFolder));
        var targets = snap.Settlements.Select(s => new CoverageTarget(s.Id, s.Location, s.Population.Count, Clutters.Of(s.Kind), s.RegionCode)).ToArray();
        var predictions = engine.PredictAll(targets, new Phase(progress, "settlements", targets.Length), cancel);
        var roads = RoadAssessment.Assess(request.Roads, engine.BestRsrpDbm, request.Settings.CoveredRsrpDbm);
        progress?.Report(new ImportProgress("roads", roads.Count, roads.Count));
        RasterGrid? grid = null;
        CoverageRasterFiles? files = null;
        if (request.RasterArea is { } area)
        {
            grid = CoverageRaster.Compute(area, request.RasterCellDeg, engine.BestRsrpDbm,
                new Phase(progress, "raster", (int)Math.Ceiling((area.North - area.South) / request.RasterCellDeg)));
            files = Files(grid, request.RasterCellDeg, Synthetic(snap, request));
        }
        var terrainUsed = predictions.Any(p => p.TerrainUsed);
        var run = new CoverageRun(0, DatasetSource.Stamp(clock.Now), request.Settings.Model, terrainUsed, Synthetic(snap, request),
            request.Settings.Describe(request.Terrain is not null) + (request.TerrainSynthetic ? "; terrain: SYNTHETIC surface" : ""),
            snap.Sites.Count, predictions, roads, files);
        cancel.ThrowIfCancellationRequested(); // a run cancelled before the save saves nothing
        progress?.Report(new ImportProgress("saving", 0, 1));
        var id = coverage.SaveRun(run);
        progress?.Report(new ImportProgress("saving", 1, 1));
        return new Outcome(run with { Id = id }, grid, watch.Elapsed);
    }

    private static bool Synthetic(RegistrySnapshot snap, CoverageRequest r) =>
        snap.Sites.Any(s => s.Synthetic) || r.TerrainSynthetic || r.Roads.Any(x => x.Synthetic);

    public static CoverageRasterFiles Files(RasterGrid grid, double cellDeg, bool synthetic)
    {
        var label = synthetic ? "SYNTHETIC inputs (sites, terrain or roads)" : "predicted";
        var legend = ColourRamp.Rsrp.Legend("Best RSRP", "dBm");
        using var tiff = new MemoryStream();
        GeoTiffWriter.Write(grid, tiff, new GeoTiffOptions
        {
            Description = "Dala best-server RSRP (dBm)", Unit = "dBm",
            Metadata = new Dictionary<string, string> { ["DALA_CONTENT"] = label, ["DALA_SYNTHETIC"] = synthetic ? "true" : "false" },
        });
        using var png = new MemoryStream();
        RasterPng.Write(grid, ColourRamp.Rsrp, png);
        var s = grid.Spec;
        return new CoverageRasterFiles(s.Bounds, s.Width, s.Height, cellDeg, png.ToArray(), tiff.ToArray(),
            JsonSerializer.Serialize(legend, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    private sealed class Phase(IProgress<ImportProgress>? outer, string name, int total) : IProgress<int>
    {
        public void Report(int value) => outer?.Report(new ImportProgress(name, value, total));
    }
}
