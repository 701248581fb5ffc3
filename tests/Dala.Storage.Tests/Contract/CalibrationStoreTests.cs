using Dala.Geo;
using Dala.Radio.Calibration;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Calibrations saved and read back whole on both stores; listed newest first.</summary>
public class CalibrationStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    private static ICalibrationStore Calibrations(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqliteCalibrationStore(s),
        PostgresRegistryStore p => new PostgresCalibrationStore(p),
        _ => throw new InvalidOperationException(),
    };

    public static Calibration Sample(bool synthetic = true) => new(0, Clock.Now, Clock.Now.AddDays(-90), Clock.Now, 4, "itm", CalibrationGrouping.OperatorRegion, 5, 7, synthetic,
        new CalibrationCounts(120, 3, 2, 1, 4, 5, 105),
        [new GroupTerms("op-a|71", "op-a", "71", 105, true, 6.25, 4.5, 0.3, 0.6, null), new GroupTerms("op-b|?", "op-b", "?", 4, false, 0, 0, null, null, "not fit: 4 samples, fewer than 30")],
        [new GroupMetrics("op-a|71", 105, -7.5, 8.25, 0.125, 3.5)], new GroupMetrics("all", 105, -7.5, 8.25, 0.125, 3.5),
        [new CalibrationSample("t1", "op-a", "s1", "op-a|71", new LonLat(71.4, 51.1), 3.5, -95.5, -101.25, -100.5, 40.5, 22.25)],
        [new SettlementMismatch("s2", "op-b", "4G", SettlementMismatches.CoveredButDead, new LonLat(72, 50), 12, 0.4, -99, 30.5, -104, true)]);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_saved_calibration_reads_back_equal_and_lists_newest_first(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Calibrations(t);
        Assert.Null(store.LatestId());
        Assert.Null(store.Get(1));
        Assert.Empty(store.List());
        var c = Sample();
        var first = store.Save(c);
        var second = store.Save(c with { Synthetic = false, CoverageRunId = null });
        Assert.True(second > first);
        Assert.Equal(second, store.LatestId());
        var back = store.Get(first)!;
        Assert.Equal(first, back.Id);
        Assert.Equal((c.CreatedAt, c.From, c.To, c.CoverageRunId, c.Model, c.Grouping, c.Folds, c.Seed, c.Synthetic, c.Counts, c.Overall),
            (back.CreatedAt, back.From, back.To, back.CoverageRunId, back.Model, back.Grouping, back.Folds, back.Seed, back.Synthetic, back.Counts, back.Overall));
        Assert.Equal(c.Terms, back.Terms);
        Assert.Equal(c.Metrics, back.Metrics);
        Assert.Equal(c.Samples, back.Samples);
        Assert.Equal(c.Mismatches, back.Mismatches);
        var list = store.List();
        Assert.Equal([second, first], list.Select(x => x.Id));
        Assert.Equal(new CalibrationSummary(first, c.CreatedAt, c.From, c.To, 4, "itm", "operator-region", true, 1, 8.25, 3.5), list[1]);
        Assert.Null(list[0].CoverageRunId);
        Assert.False(list[0].Synthetic);
    }
}
