using System.Globalization;
using System.Text;
using System.Text.Json;
using Dala.Quality.Aggregates;
using Dala.Quality.Rankings;
using Dala.Testing;

namespace Dala.Quality.Tests;

public class RankingTests
{
    private static GroupStats G(string region, string month, int tests, double down) =>
        new(region, null, month, tests, new Spread(0, down, 0, tests), new Spread(0, down / 4, 0, tests), new Spread(0, 20, 0, tests), null);

    [Fact]
    public void Minimum_sample_rule_ranks_at_exactly_N_tests_and_M_networks_and_lists_one_less_as_too_few()
    {
        var rule = new SampleRule(100, 30);
        GroupStats[] stats = [G("A", "2026-10", 100, 50), G("B", "2026-10", 99, 90), G("C", "2026-10", 150, 70), G("D", "2026-10", 100, 80)];
        NetworkCount[] nets = [new("A", null, "2026-10", 30), new("B", null, "2026-10", 40), new("C", null, "2026-10", 29), new("D", null, "2026-10", 31)];
        var k = Assert.Single(RankingBuilder.Build(stats, nets, RankUnit.Region, rule, ["2026-10"], false));
        Assert.Equal(["D", "A", "C", "B"], k.Rows.Select(r => r.Region));
        Assert.Equal([1, 2, null, null], k.Rows.Select(r => r.Rank));
        Assert.Equal("too few networks: 29 < 30", k.Rows[2].Note);
        Assert.Equal("too few tests: 99 < 100", k.Rows[3].Note);
        Assert.Equal((99, 40), (k.Rows[3].Tests, k.Rows[3].Networks));
    }

    [Fact]
    public void Rank_change_against_the_month_before_and_equal_medians_share_a_rank()
    {
        var rule = new SampleRule(1, 0);
        GroupStats[] stats =
        [
            G("A", "2026-09", 10, 10), G("B", "2026-09", 10, 20), G("C", "2026-09", 10, 30),
            G("A", "2026-10", 10, 40), G("B", "2026-10", 10, 20), G("C", "2026-10", 10, 20), G("E", "2026-10", 10, 5),
        ];
        var k = Assert.Single(RankingBuilder.Build(stats, [], RankUnit.Region, rule, ["2026-10"], true));
        Assert.True(k.IncludesSynthetic);
        Assert.Equal(["A", "B", "C", "E"], k.Rows.Select(r => r.Region));
        Assert.Equal([1, 2, 2, 4], k.Rows.Select(r => r.Rank));
        Assert.Equal([2, 0, -1, null], k.Rows.Select(r => r.RankChange));
        Assert.Equal("2026-10", RankingBuilder.LatestMonth(stats));
    }

    [Fact]
    public void Trend_has_every_month_and_a_gap_where_a_unit_has_no_tests()
    {
        GroupStats[] stats = [G("A", "2026-08", 10, 10), G("A", "2026-10", 10, 12), G("B", "2026-09", 5, 7)];
        var series = Trend.Build(stats, [], RankUnit.Region, new SampleRule(10, 0), Months.Range("2026-08", "2026-10"));
        Assert.Equal(["A", "B"], series.Select(s => s.Region));
        Assert.Equal([10, null, 12], series[0].Points.Select(p => p.DownMedian));
        Assert.Equal([true, false, true], series[0].Points.Select(p => p.MeetsRule));
        Assert.False(series[1].Points[1].MeetsRule); // 5 tests < 10
    }

    [Fact]
    public void Tile_weighted_mean_by_hand_per_quarter()
    {
        // Three tiles' sums in two months of 2021-Q3 and one of Q4: (mean, tests) = (10, 1), (40, 3) in Q3 -> (10 + 120) / 4 = 32.5.
        TileSums[] sums =
        [
            new("KZ-71", null, "2021-07", 1, 1, 10, 1, 2, 1, 30, 1, false),
            new("KZ-71", null, "2021-09", 1, 3, 120, 3, 30, 3, 60, 3, false),
            new("KZ-71", null, "2021-10", 1, 4, 200, 4, 0, 0, 40, 4, true),
        ];
        var f = TileWeighted.Combine(sums, RankUnit.Region, quarterly: true);
        Assert.Equal(["2021-Q3", "2021-Q4"], f.Select(x => x.Period));
        Assert.Equal((2, 4L, 32.5, 8.0, 22.5, false), (f[0].Tiles, f[0].Tests, f[0].DownMean, f[0].UpMean, f[0].LatencyMean, f[0].Synthetic));
        Assert.Null(f[1].UpMean);
        Assert.True(f[1].Synthetic);
        Assert.Equal(3, TileWeighted.Combine(sums, RankUnit.Region, quarterly: false).Count);
    }

    [Fact]
    public void Ookla_country_aggregates_of_2021_combine_as_the_test_weighted_mean_of_the_quarters()
    {
        // Ookla's published country figures are test-weighted means of its tiles; combining the four quarters of 2021 as sums
        // gives the year's figure, which we compute by hand from the file.
        var path = SharedData.Kz("ookla-kz-country-quarterly.csv");
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(','))
            .Where(c => c[2] == "2021").Select(c => (Type: c[4], Quarter: int.Parse(c[3], CultureInfo.InvariantCulture),
                Down: double.Parse(c[6], CultureInfo.InvariantCulture), Tiles: int.Parse(c[18], CultureInfo.InvariantCulture), Tests: long.Parse(c[19], CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(8, rows.Length);
        foreach (var type in new[] { "fixed", "mobile" })
        {
            var q = rows.Where(r => r.Type == type).ToArray();
            var sums = q.Select(r => new TileSums(type, null, $"2021-{(r.Quarter - 1) * 3 + 1:00}", r.Tiles, r.Tests, r.Down * r.Tests, r.Tests, 0, 0, 0, 0, false));
            var quarters = TileWeighted.Combine(sums, RankUnit.Region, quarterly: true);
            Assert.Equal(["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"], quarters.Select(x => x.Period));
            Assert.Equal(q[2].Down, quarters[2].DownMean!.Value, 9);
            var year = q.Sum(r => r.Down * r.Tests) / q.Sum(r => r.Tests);
            var combined = quarters.Sum(x => x.DownMean!.Value * x.Tests) / quarters.Sum(x => x.Tests);
            Assert.Equal(year, combined, 9);
        }
    }

    [Fact]
    public void A_known_quadkey_becomes_its_tile_polygon()
    {
        // Quadkey 213 = tile (3, 5) at level 3: lon -45..0, lat atan(sinh(-pi/2))..atan(sinh(-pi/4)).
        var ring = OpenData.Ring("213");
        var south = Math.Atan(Math.Sinh(-Math.PI / 2)) * 180 / Math.PI;
        var north = Math.Atan(Math.Sinh(-Math.PI / 4)) * 180 / Math.PI;
        Assert.Equal(-66.51326044311186, south, 9);
        double[][] expected = [[-45, south], [0, south], [0, north], [-45, north], [-45, south]];
        for (var i = 0; i < 5; i++) { Assert.Equal(expected[i][0], ring[i][0], 9); Assert.Equal(expected[i][1], ring[i][1], 9); }

        using var s = new MemoryStream();
        OpenData.WriteGeoJson(s, [new OpenTile("213", 5, 5, new Spread(1, 2, 3, 5), null, null)], 3);
        var doc = JsonDocument.Parse(s.ToArray()).RootElement;
        var f = doc.GetProperty("features")[0];
        Assert.Equal(-45, f.GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble());
        Assert.Equal(Math.Round(north, 7), f.GetProperty("geometry").GetProperty("coordinates")[0][2][1].GetDouble());
        Assert.True(f.GetProperty("properties").GetProperty("synthetic").GetBoolean());
        Assert.Equal(JsonValueKind.Null, f.GetProperty("properties").GetProperty("upMedianMbps").ValueKind);
        Assert.Contains("SYNTHETIC", doc.GetProperty("note").GetString());
    }

    [Fact]
    public void Tiles_with_fewer_than_the_minimum_tests_are_not_published_and_csv_flags_synthetic()
    {
        OpenTile[] tiles = [new("1202", 2, 0, null, null, null), new("1203", 3, 1, new Spread(1, 2, 3, 3), null, null)];
        var sb = new StringBuilder();
        using (var w = new StringWriter(sb)) OpenData.WriteCsv(w, OpenData.Published(tiles, OpenData.DefaultMinTests));
        var lines = sb.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        var cols = CsvCols(lines[1]);
        Assert.Equal("1203", cols[0]);
        Assert.Equal("true", cols[Array.IndexOf(OpenData.CsvHeader, "synthetic")]);
    }

    [Theory]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026-12", "2026-11")]
    public void Month_before(string month, string previous) => Assert.Equal(previous, Months.Previous(month));

    private static string[] CsvCols(string line) => line.Split(',');
}
