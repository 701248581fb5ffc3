using System.Text.Json;
using Dala.Geo.Io;
using Dala.Quality.Model;

namespace Dala.Quality.Rankings;

/// <summary>
/// The open-data export: per zoom-16 quadkey tile (Ookla's grid) the count and the p10/median/p90 of valid tests, as CSV
/// or as GeoJSON polygons of the tiles; tiles with fewer than <see cref="DefaultMinTests"/> tests are not published
/// (privacy: a tile of one or two tests locates a household). Tiles holding SYNTHETIC tests say so (column/property
/// synthetic, and a note).
/// </summary>
public static class OpenData
{
    public const int DefaultMinTests = 3;

    public const string SyntheticNote = "synthetic = true: the tile's figures include SYNTHETIC tests (generated, not observed)";

    public static readonly string[] CsvHeader =
        ["quadkey", "west", "south", "east", "north", "tests", "down_p10", "down_median", "down_p90", "up_median", "latency_median", "synthetic", "synthetic_tests"];

    public static IEnumerable<OpenTile> Published(IEnumerable<OpenTile> tiles, int minTests) => tiles.Where(t => t.Tests >= minTests);

    public static void WriteCsv(TextWriter w, IEnumerable<OpenTile> tiles)
    {
        var csv = new CsvWriter(w);
        csv.Row(CsvHeader);
        foreach (var t in tiles)
        {
            var b = Quadkey.Bounds(t.Quadkey);
            csv.Row(t.Quadkey, R(b.West), R(b.South), R(b.East), R(b.North), t.Tests, R(t.Down?.P10), R(t.Down?.Median), R(t.Down?.P90),
                R(t.Up?.Median), R(t.Latency?.Median), t.Synthetic, t.SyntheticTests);
        }
    }

    /// <summary>The tile polygon ring: west-south, east-south, east-north, west-north, back to west-south (counter-clockwise).</summary>
    public static double[][] Ring(string quadkey)
    {
        var b = Quadkey.Bounds(quadkey);
        return [[b.West, b.South], [b.East, b.South], [b.East, b.North], [b.West, b.North], [b.West, b.South]];
    }

    public static void WriteGeoJson(Stream s, IEnumerable<OpenTile> tiles, int minTests)
    {
        using var w = new Utf8JsonWriter(s);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("grid", "zoom-16 quadkey tiles (Bing Maps tile system, as Ookla open data)");
        w.WriteNumber("minTestsPerTile", minTests);
        w.WriteString("note", SyntheticNote);
        w.WriteStartArray("features");
        foreach (var t in tiles)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "Polygon");
            w.WriteStartArray("coordinates");
            w.WriteStartArray();
            foreach (var p in Ring(t.Quadkey))
            {
                w.WriteStartArray();
                w.WriteNumberValue(Math.Round(p[0], 7));
                w.WriteNumberValue(Math.Round(p[1], 7));
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("quadkey", t.Quadkey);
            w.WriteNumber("tests", t.Tests);
            Num(w, "downP10Mbps", t.Down?.P10);
            Num(w, "downMedianMbps", t.Down?.Median);
            Num(w, "downP90Mbps", t.Down?.P90);
            Num(w, "upMedianMbps", t.Up?.Median);
            Num(w, "latencyMedianMs", t.Latency?.Median);
            w.WriteBoolean("synthetic", t.Synthetic);
            w.WriteNumber("syntheticTests", t.SyntheticTests);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static readonly string[] RankingsCsvHeader =
        ["month", "region", "operator", "rank", "previous_rank", "rank_change", "down_median", "up_median", "latency_median", "tests", "networks", "note", "synthetic"];

    /// <summary>Rankings as CSV (one row per unit and month; synthetic = the figures may include SYNTHETIC tests).</summary>
    public static void WriteRankingsCsv(TextWriter w, IEnumerable<Ranking> rankings)
    {
        var csv = new CsvWriter(w);
        csv.Row(RankingsCsvHeader);
        foreach (var k in rankings)
            foreach (var r in k.Rows)
                csv.Row(r.Month, r.Region, r.Operator, r.Rank, r.PreviousRank, r.RankChange, R(r.DownMedian), R(r.UpMedian), R(r.LatencyMedian),
                    r.Tests, r.Networks, r.Note, k.IncludesSynthetic);
    }

    private static double? R(double? v) => v is { } x ? Math.Round(x, 3) : null;

    private static double R(double v) => Math.Round(v, 7);

    private static void Num(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x) w.WriteNumber(name, Math.Round(x, 3)); else w.WriteNull(name);
    }
}
