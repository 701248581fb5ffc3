using System.CommandLine;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Geo.Raster;
using Dala.Geo.Terrain;
using Dala.Radio.Coverage;

namespace Dala.Cli.Commands;

public static partial class RadioCommand
{
    private static Command Coverage(StoreOption store, CliContext ctx)
    {
        var model = new Option<string>("--model") { Description = "itm, hata, cost231 or freespace", DefaultValueFactory = _ => "itm", HelpName = "MODEL" };
        model.AcceptOnlyFromAmong([.. CoverageSettings.Models]);
        var dem = new Option<string?>("--dem") { Description = "Folder of SRTM .hgt tiles, or 'synthetic' for a SYNTHETIC surface; without it ITM uses area mode", HelpName = "DIR" };
        var deltaH = new Option<double>("--delta-h") { Description = "ITM area-mode terrain irregularity where no DEM covers a path, m", DefaultValueFactory = _ => 90, HelpName = "M" };
        var patterns = new Option<string?>("--patterns") { Description = "Folder of MSI/Planet antenna pattern files named by the sectors", HelpName = "DIR" };
        var radius = new Option<double>("--radius-km") { Description = "Sites considered around each place", DefaultValueFactory = _ => 40, HelpName = "KM" };
        var threshold = new Option<double>("--threshold-dbm") { Description = "RSRP at or above which a place or road kilometre is covered", DefaultValueFactory = _ => -110, HelpName = "DBM" };
        var roads = new Option<string?>("--roads") { Description = "GeoJSON road lines to assess, or 'synthetic' for SYNTHETIC highways between the largest cities", HelpName = "FILE" };
        var raster = new Option<string?>("--raster") { Description = "Area of the RSRP raster: west,south,east,north in degrees", HelpName = "BBOX" };
        var cell = new Option<double>("--cell-deg") { Description = "Raster cell size, degrees", DefaultValueFactory = _ => 0.01, HelpName = "DEG" };
        var calibration = new Option<string?>("--calibration") { Description = "Apply a stored calibration's terms (dala radio calibrate): its id or 'latest'", HelpName = "ID" };
        var output = new Option<string?>("--out") { Description = "Also write the results to this folder (settlements CSV, roads GeoJSON, raster GeoTIFF and PNG)", HelpName = "DIR" };
        var cmd = new Command("coverage", "Predict service for every settlement from the store's sites (best server, RSRP, SINR, speed, " +
                                          ">= 100 Mbit/s at the busy hour), optionally for roads and a raster; saves the run in the store.")
            { model, dem, deltaH, patterns, radius, threshold, roads, raster, cell, calibration, output };
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var settings = new CoverageSettings
            {
                Model = r.GetValue(model)!, SearchRadiusKm = r.GetValue(radius), CoveredRsrpDbm = r.GetValue(threshold), TerrainIrregularityM = r.GetValue(deltaH),
                Correction = Correction(r.GetValue(calibration), s, r.GetValue(model)!),
            };
            var (terrain, synthetic) = Terrain(r.GetValue(dem), ctx);
            var roadList = Roads(r.GetValue(roads), s, ctx);
            BBox? area = null;
            if (r.GetValue(raster) is { } text) area = BBox.TryParse(text) ?? throw new CliException($"--raster '{text}' is not west,south,east,north in degrees");
            var request = new CoverageRequest(settings, terrain, synthetic, r.GetValue(patterns) is { } p ? ctx.FullPath(p) : null, roadList, area, r.GetValue(cell));
            CoverageRunner.Outcome outcome;
            try
            {
                outcome = ProgressDisplay.Run(ctx, "coverage", progress => new CoverageRunner(s, StoreOption.Coverage(s), ctx.Clock).Run(request, progress));
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            CoverageOutput.Print(ctx, outcome, s);
            if (r.GetValue(output) is { } dir) CoverageOutput.WriteFiles(ctx, ctx.FullPath(dir), outcome, s.ReadSnapshot());
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Radio.Calibration.ModelCorrection? Correction(string? which, Registry.Store.IRegistryStore s, string model)
    {
        if (which is null) return null;
        var store = StoreOption.Calibrations(s);
        long? id = which == "latest" ? store.LatestId() ?? throw new CliException("--calibration latest: the store has no calibration (dala radio calibrate)", ExitCodes.Rejected)
            : long.TryParse(which, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
            : throw new CliException($"--calibration '{which}': give a calibration id or 'latest'", ExitCodes.Rejected);
        var c = store.Get(id.Value) ?? throw new CliException($"--calibration {which}: no calibration {id} in {s.Describe()}", ExitCodes.Rejected);
        if (c.Model != model)
            throw new CliException($"--calibration {which}: calibration {c.Id} was fitted to the {c.Model} model, not to {model} (give --model {c.Model})", ExitCodes.Rejected);
        return c.Correction();
    }

    private static (ITerrain? Terrain, bool Synthetic) Terrain(string? dem, CliContext ctx)
    {
        if (dem is null) return (null, false);
        if (dem == "synthetic") return (SyntheticInputs.Terrain(), true);
        try
        {
            return (new HgtTerrain(ctx.FullPath(dem)), false);
        }
        catch (Exception e) when (e is HgtFormatException or IOException or ArgumentException)
        {
            throw new CliException($"--dem {dem}: {e.Message}", ExitCodes.Rejected);
        }
    }

    private static IReadOnlyList<Road> Roads(string? roads, Registry.Store.IRegistryStore s, CliContext ctx)
    {
        if (roads is null) return [];
        if (roads == "synthetic") return SyntheticInputs.Roads(s.ReadSnapshot().Settlements);
        try
        {
            return RoadFile.Read(ctx.FullPath(roads));
        }
        catch (GeoJsonFormatException e)
        {
            throw new CliException($"{roads}:{e.Line}: {e.Message}", ExitCodes.Rejected);
        }
        catch (IOException e)
        {
            throw new CliException($"--roads {roads}: {e.Message}", ExitCodes.Rejected);
        }
    }
}
