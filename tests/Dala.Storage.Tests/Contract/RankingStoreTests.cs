using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Rankings;
using Dala.Quality.Store;

namespace Dala.Storage.Tests.Contract;

/// <summary>Rankings, tile sums and open-data tiles from the store, checked against a straightforward computation; both stores.</summary>
public class RankingStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly string[] Regions = ["KZ-71", "KZ-75"];
    private static readonly string[] Operators = ["kcell", "beeline"];
    private static readonly string[] Quadkeys = ["1210331310210303", "1210331310210312", "1210331310210313"];

    private static List<Measurement> RandomTests(int seed)
    {
        var rng = new Random(seed);
        var list = new List<Measurement>();
        for (var i = 0; i < 600; i++)
        {
            var month = rng.Next(2) == 0 ? 9 : 10;
            list.Add(new Measurement
            {
                Id = $"r{i}", Time = new DateTimeOffset(2026, month, 1 + rng.Next(28), rng.Next(24), 0, 0, TimeSpan.Zero), Source = MeasurementSource.Import,
                RegionCode = Regions[rng.Next(2)], OperatorId = Operators[rng.Next(2)], Quadkey = Quadkeys[rng.Next(3)],
                DownMbps = Math.Round(rng.NextDouble() * 200, 3), UpMbps = rng.Next(10) == 0 ? null : Math.Round(rng.NextDouble() * 50, 3),
                LatencyMs = Math.Round(5 + rng.NextDouble() * 60, 1), ClientNetwork = rng.Next(8) == 0 ? null : $"10.0.{rng.Next(40)}.0/24",
                Valid = rng.Next(12) != 0, Synthetic = rng.Next(5) == 0,
            });
        }
        return list;
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Monthly_ranking_medians_and_networks_equal_a_straightforward_computation_and_synthetic_is_left_out_by_default(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = MeasurementTests.Measurements(t);
        var tests = RandomTests(11);
        store.Append(tests, []);
        foreach (var includeSynthetic in new[] { false, true })
        {
            var unit = RankUnit.RegionOperator;
            var stats = store.Aggregate(new AggregateQuery(RankingBuilder.Keys(unit), IncludeSynthetic: includeSynthetic));
            var nets = store.ClientNetworks(RankingBuilder.Keys(unit), includeSynthetic);
            var rankings = RankingBuilder.Build(stats, nets, unit, new SampleRule(30, 20), ["2026-09", "2026-10"], includeSynthetic);
            Assert.Equal(2, rankings.Count);
            foreach (var k in rankings)
            {
                Assert.Equal(4, k.Rows.Count);
                foreach (var r in k.Rows)
                {
                    var mine = tests.Where(m => m.Valid && (includeSynthetic || !m.Synthetic) && m.RegionCode == r.Region && m.OperatorId == r.Operator &&
                                                MeasurementColumns.Month(m.Time) == k.Month).ToArray();
                    Assert.Equal(mine.Length, r.Tests);
                    Assert.Equal(mine.Where(m => m.ClientNetwork is not null).Select(m => m.ClientNetwork).Distinct().Count(), r.Networks);
                    Assert.Equal(Median(mine.Select(m => m.DownMbps!.Value)), r.DownMedian!.Value, 9);
                    Assert.Equal(Median(mine.Where(m => m.UpMbps is not null).Select(m => m.UpMbps!.Value)), r.UpMedian!.Value, 9);
                    Assert.Equal(Median(mine.Select(m => m.LatencyMs!.Value)), r.LatencyMedian!.Value, 9);
                    Assert.Equal(r.Tests >= 30 && r.Networks >= 20, r.Ranked);
                }
                var ranked = k.Rows.Where(r => r.Ranked).ToArray();
                Assert.Equal(ranked.OrderByDescending(r => r.DownMedian).Select(r => r.DownMedian), ranked.Select(r => r.DownMedian));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Ookla_tiles_sum_to_test_weighted_means_and_are_never_in_the_medians(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = MeasurementTests.Measurements(t);
        Measurement Tile(string id, int month, double down, double? up, int n, bool synthetic = false) => new()
        {
            Id = id, Time = new DateTimeOffset(2021, month, 1, 0, 0, 0, TimeSpan.Zero), Source = MeasurementSource.Import, Kind = MeasurementKind.Tile,
            RegionCode = "KZ-71", Quadkey = Quadkeys[0], DownMbps = down, UpMbps = up, LatencyMs = 20, Tests = n, Synthetic = synthetic,
        };
        store.Append([Tile("t1", 7, 10, 2, 1), Tile("t2", 7, 40, null, 3), Tile("t3", 10, 100, 10, 2, synthetic: true)], []);
        var q3 = Assert.Single(TileWeighted.Combine(store.TileSums(includeSynthetic: false), RankUnit.Region, quarterly: true));
        Assert.Equal(("KZ-71", "2021-Q3", 2, 4L), (q3.Region, q3.Period, q3.Tiles, q3.Tests));
        Assert.Equal(32.5, q3.DownMean!.Value, 9);
        Assert.Equal(2.0, q3.UpMean!.Value, 9);
        var all = TileWeighted.Combine(store.TileSums(includeSynthetic: true), RankUnit.Country, quarterly: true);
        Assert.Equal([false, true], all.Select(f => f.Synthetic));
        Assert.Empty(store.Aggregate(new AggregateQuery(GroupBy.Month)));
        Assert.Empty(store.OpenTiles(null, null, true));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Open_tiles_count_and_median_valid_tests_per_quadkey_within_the_months(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = MeasurementTests.Measurements(t);
        var tests = RandomTests(5);
        store.Append(tests, []);
        var tiles = store.OpenTiles("2026-10", "2026-10", includeSynthetic: true);
        Assert.Equal(Quadkeys, tiles.Select(x => x.Quadkey));
        foreach (var tile in tiles)
        {
            var mine = tests.Where(m => m.Valid && m.Quadkey == tile.Quadkey && m.Time.Month == 10).ToArray();
            Assert.Equal(mine.Length, tile.Tests);
            Assert.Equal(mine.Count(m => m.Synthetic), tile.SyntheticTests);
            Assert.Equal(Median(mine.Select(m => m.DownMbps!.Value)), tile.Down!.Median, 9);
        }
        Assert.All(store.OpenTiles(null, null, includeSynthetic: false), x => Assert.Equal(0, x.SyntheticTests));
        Assert.Empty(store.OpenTiles("2027-01", null, true));
    }
}
