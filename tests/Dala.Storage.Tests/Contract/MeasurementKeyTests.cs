using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Store;

namespace Dala.Storage.Tests.Contract;

/// <summary>
/// Measurements are keyed by a 64-bit hash of their id (<see cref="MeasurementKeys"/>): a bulk load keeps the keys in
/// memory and builds the indexes at the end, a small append looks them up; either way an id is stored once.
/// </summary>
public class MeasurementKeyTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    /// <summary>A hint this large makes the SQLite writer load in bulk (indexes set aside) even for a few rows.</summary>
    private const long Bulk = 10_000_000;

    private static Measurement Test(string id, double down = 50, string region = "KZ-71") => new()
    {
        Id = id, Time = DateTimeOffset.Parse("2026-10-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Source = MeasurementSource.Import,
        RegionCode = region, OperatorId = "kcell", DownMbps = down,
    };

    private static bool[] Add(IMeasurementWriter w, params Measurement[] batch)
    {
        var isNew = new bool[batch.Length];
        w.Add(batch, [], isNew);
        return isNew;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_bulk_load_tells_new_ids_from_stored_ones_from_those_repeated_in_it(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = MeasurementTests.Measurements(t);
        Assert.Equal(2, store.Append([Test("k1"), Test("k2")], []));
        using (var w = store.BeginAppend(Bulk))
        {
            Assert.Equal([false, true, false, true, false], Add(w, Test("k2"), Test("k3"), Test("k3", 1), Test("k4"), Test("k1")));
            Assert.Equal([false, true], Add(w, Test("k4"), Test("k5")));
            w.Commit();
        }
        Assert.Equal(5, store.Counts().Measurements);
        // After the load (its indexes built again), a small append still finds every id.
        Assert.Equal(1, store.Append([Test("k5"), Test("k6"), Test("k3")], []));
        var recent = store.Recent(new MeasurementFilter(), 100).Select(m => m.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["k1", "k2", "k3", "k4", "k5", "k6"], recent);
        // The first k3 is the one kept (50, not 1 Mbit/s).
        Assert.Equal(50, store.Recent(new MeasurementFilter(), 100).Single(m => m.Id == "k3").DownMbps);
        Assert.Equal(6, store.Aggregate(new AggregateQuery(GroupBy.Region)).Single().Tests);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_bulk_load_that_does_not_commit_leaves_the_rows_and_the_indexes_as_they_were(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = MeasurementTests.Measurements(t);
        store.Append([Test("k1")], []);
        using (var w = store.BeginAppend(Bulk))
        {
            Assert.Equal([true, false], Add(w, Test("k2"), Test("k1")));
        }
        Assert.Equal(1, store.Counts().Measurements);
        Assert.Equal(0, store.Append([Test("k1")], []));
        Assert.Equal(1, store.Append([Test("k2")], []));
        Assert.Equal(2, store.Counts().Measurements);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Ids_that_differ_only_slightly_are_different_measurements(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = MeasurementTests.Measurements(t);
        string[] ids = ["m-1", "m-1 ", "M-1", "m-01", "м-1", "m-1\u0301"];
        Assert.Equal(ids.Length, ids.Select(MeasurementKeys.Key).Distinct().Count());
        Assert.Equal(ids.Length, store.Append([.. ids.Select(i => Test(i))], []));
        Assert.Equal(0, store.Append([.. ids.Select(i => Test(i))], []));
    }

    [Fact]
    public void The_key_is_the_first_64_bits_of_the_md5_of_the_id_as_postgresql_computes_it()
    {
        // md5('a1') = 8a8bb7cd343aa2ad99b7d762030857a2; ('x' || '8a8bb7cd343aa2ad')::bit(64)::bigint = -8463468982740278611.
        Assert.Equal(unchecked((long)0x8a8bb7cd343aa2adUL), MeasurementKeys.Key("a1"));
        var set = new MeasurementKeySet();
        for (var i = 0; i < 5000; i++) Assert.True(set.Add(i * 7919L, i));
        Assert.False(set.Add(7919, -1));
        Assert.True(set.TryGet(7919, out var v) && v == 1);
        Assert.False(set.TryGet(1, out _));
        Assert.Equal(5000, set.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Measurements_stored_before_the_keys_migrate_and_are_still_found(string kind)
    {
        var (version, sql) = kind == TestStore.Sqlite
            ? (16, "INSERT INTO measurements (id, time_us, month, source, kind, tests, valid, synthetic, down_mbps, region_code, operator_id) VALUES " +
                   "('old-1', 1790000000000000, '2026-09', 'import', 0, 1, 1, 0, 50, 'KZ-71', 'kcell'), " +
                   "('old-2', 1790000001000000, '2026-09', 'import', 0, 1, 1, 0, 70, 'KZ-71', 'kcell')")
            : (15, "INSERT INTO measurements (id, time, month, source, kind, tests, valid, synthetic, down_mbps, region_code, operator_id) VALUES " +
                   "('old-1', '2026-09-20T10:00:00Z', '2026-09', 'import', 0, 1, true, false, 50, 'KZ-71', 'kcell'), " +
                   "('old-2', '2026-09-20T10:00:01Z', '2026-09', 'import', 0, 1, true, false, 70, 'KZ-71', 'kcell')");
        using var t = TestStore.CreateAtSchema(kind, version, sql);
        var store = MeasurementTests.Measurements(t);
        Assert.Equal(["old-1", "old-2"], store.Recent(new MeasurementFilter(), 10).Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, store.Append([Test("old-1"), Test("new-1")], []));
        using (var w = store.BeginAppend(Bulk))
        {
            Assert.Equal([false, false, true], Add(w, Test("old-2"), Test("new-1"), Test("new-2")));
            w.Commit();
        }
        Assert.Equal(4, store.Counts().Measurements);
        Assert.Equal(0, t.CountRows("measurements", "key = 0"));
        Assert.Equal(4, store.Aggregate(new AggregateQuery(GroupBy.Region)).Single().Tests);
    }
}
