using System.Globalization;
using System.Text.Json;
using Dala.Geo.Io;
using Dala.Geo.Raster;
using Dala.Radio.Coverage;
using Dala.Registry.Store;

namespace Dala.Cli;

/// <summary>The summary of a coverage run on the terminal, and its result files.</summary>
public static class CoverageOutput
{
    public static void Print(CliContext ctx, CoverageRunner.Outcome o, IRegistryStore store)
    {
        var run = o.Run;
        var snap = store.ReadSnapshot();
        var label = run.Synthetic ? " — SYNTHETIC inputs (sites, terrain or roads): not a prediction for real networks" : "";
        ctx.Out.WriteLine($"Coverage run {run.Id} in {store.Describe()}: {run.Sites:N0} sites, {run.Settlements.Count:N0} settlements, {o.Elapsed.TotalSeconds:0.0} s{label}");
        ctx.Out.WriteLine($"  {run.Assumptions}");
        var t = new Table().Border(TableBorder.Simple).AddColumn("region").AddColumn("name");
        foreach (var h in new[] { "settlements", "covered", ">= 100 Mbit/s at the busy hour", "median RSRP dBm", "median peak Mbit/s (idle cell)", "median busy-hour Mbit/s" })
            t.AddColumn(new TableColumn(h).RightAligned());
        var byId = run.Settlements.ToDictionary(p => p.TargetId);
        var groups = snap.Settlements.GroupBy(s => s.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Name: snap.RegionsByCode.TryGetValue(g.Key, out var reg) ? reg.Name.En ?? reg.Name.Local : g.Key,
                Preds: g.Select(s => byId[s.Id]).ToArray()))
            .Append(("", "National", run.Settlements.ToArray()));
        foreach (var (code, name, preds) in groups)
        {
            t.AddRow(code, Markup.Escape(name), preds.Length.ToString("N0"), Pct(preds.Count(p => p.Covered), preds.Length),
                Pct(preds.Count(p => p.Meets100Mbps), preds.Length), Median(preds.Select(p => p.RsrpDbm)), Median(preds.Where(p => p.Covered).Select(p => p.PeakMbps)),
                Median(preds.Where(p => p.Covered).Select(p => p.BusyHourMbps)));
        }
        ctx.Out.Write(t);
        ctx.Out.WriteLine("  peak: one user on an idle cell; busy hour: per active user when the cell is busiest (needs the population); medians over the covered settlements");
        if (run.Roads.Count > 0)
        {
            var km = run.Roads.Sum(r => r.Km);
            var covered = run.Roads.Sum(r => r.CoveredKm);
            ctx.Out.WriteLine($"Roads: {run.Roads.Count:N0}, {km:N0} km, {covered:N0} km covered ({Pct(covered, km)}) at RSRP >= threshold");
        }
        if (run.Raster is { } x) ctx.Out.WriteLine($"Raster: {x.Width:N0} x {x.Height:N0} cells of {x.CellDeg.ToString("0.####", CultureInfo.InvariantCulture)}° over {x.Bounds.West},{x.Bounds.South},{x.Bounds.East},{x.Bounds.North}");
    }

    public static void WriteFiles(CliContext ctx, string dir, CoverageRunner.Outcome o, RegistrySnapshot snap)
    {
        Directory.CreateDirectory(dir);
        var run = o.Run;
        using (var w = new StreamWriter(Path.Combine(dir, "settlements.csv"))) CoverageExport.WriteSettlementsCsv(w, run, snap);
        if (run.Roads.Count > 0)
        {
            using var f = File.Create(Path.Combine(dir, "roads.geojson"));
            using var w = new Utf8JsonWriter(f, JsonOutput.Writer);
            CoverageExport.WriteRoadsGeoJson(w, run);
        }
        if (o.Grid is { } grid && run.Raster is { } x)
        {
            File.WriteAllBytes(Path.Combine(dir, "coverage.tif"), x.GeoTiff);
            RasterOverlay.Write(grid, ColourRamp.Rsrp, ColourRamp.Rsrp.Legend("Best RSRP", "dBm"), Path.Combine(dir, "coverage.png"),
                new Dictionary<string, string> { ["synthetic"] = run.Synthetic ? "true" : "false" });
        }
        ctx.Err.WriteLine($"wrote the results to {dir}");
    }

    private static string Pct(double n, double of) => of <= 0 ? "-" : (100 * n / of).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Median(IEnumerable<double?> values)
    {
        var a = values.OfType<double>().Order().ToArray();
        return a.Length == 0 ? "-" : a[a.Length / 2].ToString("0.0", CultureInfo.InvariantCulture);
    }
}
