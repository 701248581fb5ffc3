using System.CommandLine;
using System.Text;
using Dala.Quality.Rankings;

namespace Dala.Cli.Commands;

/// <summary>dala quality export — the open data: zoom-16 tiles of valid tests (CSV or GeoJSON polygons), and the rankings CSV.</summary>
public static class QualityRankingsExport
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var format = new Option<string>("--format") { Description = "csv or geojson (the tiles)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "geojson");
        var output = new Option<string>("--out", "-o") { Description = "Write the tiles to this file (- is standard output)", HelpName = "FILE", Required = true };
        var from = new Option<string?>("--from") { Description = "Tests from this month", HelpName = "YYYY-MM" };
        var to = new Option<string?>("--to") { Description = "... up to this month", HelpName = "YYYY-MM" };
        var minTests = new Option<int>("--min-tests") { Description = "Publish a tile only with at least this many tests (privacy)", DefaultValueFactory = _ => OpenData.DefaultMinTests, HelpName = "N" };
        var synthetic = new Option<bool>("--include-synthetic") { Description = "Count SYNTHETIC tests too (tiles holding any say synthetic = true)" };
        var rankings = new Option<string?>("--rankings") { Description = "Also write the monthly rankings by region (default sample rule) as CSV to this file", HelpName = "FILE" };
        var cmd = new Command("export", "Open data: per zoom-16 quadkey tile (Ookla's grid) the count and p10/median/p90 of valid tests, as CSV or GeoJSON tile polygons; " +
                                        "tiles with fewer than --min-tests tests are not published.")
            { format, output, from, to, minTests, synthetic, rankings };
        cmd.SetAction(r =>
        {
            var months = new MonthSelection(null, r.GetValue(from), r.GetValue(to));
            if (months.Problem() is { } p) throw new CliException($"--{p.Name}: {p.Message}", ExitCodes.Rejected);
            var min = r.GetValue(minTests);
            if (min < 1) throw new CliException("--min-tests: must be at least 1", ExitCodes.Rejected);
            var includeSynthetic = r.GetValue(synthetic);
            var measurements = StoreOption.Measurements(store.Open(r, ctx));
            var tiles = OpenData.Published(measurements.OpenTiles(months.From, months.To, includeSynthetic), min).ToArray();
            using var buffer = new MemoryStream();
            if (r.GetValue(format) == "geojson") OpenData.WriteGeoJson(buffer, tiles, min);
            else
            {
                using var w = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true);
                OpenData.WriteCsv(w, tiles);
            }
            Write(ctx, r.GetValue(output)!, buffer.ToArray());
            var syntheticTiles = tiles.Count(t => t.Synthetic);
            ctx.Err.WriteLine($"{tiles.Length:N0} tiles with at least {min} valid tests" + (syntheticTiles > 0 ? $"; {syntheticTiles:N0} include SYNTHETIC tests (synthetic = true)" : ""));
            if (r.GetValue(rankings) is { } rankingsPath)
            {
                var all = RankingQueries.Rankings(measurements, RankUnit.Region, months with { From = months.From ?? "2009-01" }, new SampleRule(), includeSynthetic);
                using var text = new StringWriter();
                OpenData.WriteRankingsCsv(text, all.Where(k => k.Rows.Count > 0));
                Write(ctx, rankingsPath, new UTF8Encoding(false).GetBytes(text.ToString()));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void Write(CliContext ctx, string path, byte[] bytes)
    {
        if (path == "-")
        {
            ctx.OutText.Write(Encoding.UTF8.GetString(bytes));
            ctx.OutText.Flush();
            return;
        }
        var full = ctx.FullPath(path);
        try { File.WriteAllBytes(full, bytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliException($"cannot write {full}: {e.Message}", ExitCodes.Rejected); }
        ctx.Err.WriteLine($"wrote {full} ({bytes.Length:N0} bytes)");
    }
}
