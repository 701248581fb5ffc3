using Dala.Geo;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Storage.Sqlite;
using Dala.Storage.Sqlite.Chunks;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Tests;

/// <summary>
/// The SQLite store keeps single tests packed in chunks (measurement_chunks): what only that layout can get wrong —
/// streaming a window in slices, merging the small chunks of many small appends, finding duplicates by key across them,
/// and moving the tests of an older store's rows into chunks.
/// </summary>
public class SqliteChunkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static Measurement Test(int n, int minutes, string op = "kcell", bool valid = true) => new()
    {
        Id = $"t-{n:D5}", Time = T0.AddMinutes(minutes), Location = new LonLat(76.9 + n * 1e-4, 43.2), RegionCode = "KZ-75", OperatorId = op,
        Access = Technology.FourG, DownMbps = n % 7 == 0 ? null : n * 0.5, UpMbps = 3.25, LatencyMs = 20 + n % 13, Source = MeasurementSource.Import,
        Valid = valid, Reasons = valid ? [] : ["rule: a", "rule: b"], ClientNetwork = $"10.0.{n % 50}.0/24", Quadkey = "1210" + (n % 3),
    };

    private static (TestStore Store, SqliteMeasurementStore Measurements) Open(long slice = 1 << 20)
    {
        var t = TestStore.Create(TestStore.Sqlite);
        return (t, new SqliteMeasurementStore((SqliteRegistryStore)t.Store) { StreamSlice = slice });
    }

    private static long Chunks(TestStore t, string where = "1 = 1")
    {
        using var c = new SqliteConnection($"Data Source={t.Spec}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM measurement_chunks WHERE {where}";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void A_window_streamed_in_many_small_slices_gives_every_test_once_in_time_then_id_order()
    {
        var (t, store) = Open(slice: 7);
        using var _ = t;
        // Three appends in no time order, each spreading its chunk over the whole month; ties in time ordered by id.
        var random = new Random(11);
        var all = Enumerable.Range(0, 600).Select(n => Test(n, random.Next(0, 30 * 24 * 60) / 5 * 5, valid: n % 11 != 0)).ToList();
        for (var part = 0; part < 3; part++) store.Append(all.Where((_, i) => i % 3 == part).ToList(), []);
        var one = new SqliteMeasurementStore((SqliteRegistryStore)t.Store);
        var window = new TestQuery(T0.AddDays(2), T0.AddDays(25), Technology.FourG);

        var sliced = store.Tests(window).ToList();
        var expected = all.Where(m => m.Valid && m.Time >= window.From && m.Time < window.To)
            .OrderBy(m => m.Time).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.Id).ToList();
        Assert.True(expected.Count > 300);
        Assert.Equal(expected, sliced.Select(m => m.Id));
        Assert.Equal(expected, one.Tests(window).Select(m => m.Id));
        Assert.Equal(all.Single(m => m.Id == sliced[0].Id), sliced[0]);
    }

    [Fact]
    public void Many_one_test_appends_are_merged_into_few_chunks_and_every_test_is_still_found_once()
    {
        var (t, store) = Open();
        using var _ = t;
        for (var n = 0; n < 70; n++) Assert.Equal(1, store.Append([Test(n, n)], []));

        Assert.True(Chunks(t) < 40, $"{Chunks(t)} chunks for 70 one-test appends");
        Assert.Equal(70, store.Counts().Measurements);
        // Duplicates are found by key whether their first copy sits in a merged chunk or a fresh one.
        Assert.Equal(0, store.Append([Test(3, 3), Test(69, 69)], []));
        Assert.Equal(1, store.Append([Test(70, 70), Test(70, 70)], []));
        Assert.Equal(Test(3, 3), store.Recent(new MeasurementFilter(Ids: ["t-00003"]), 5).Single());
        Assert.Equal(["t-00070", "t-00069", "t-00068"], store.Recent(new MeasurementFilter(), 3).Select(m => m.Id));
        Assert.Equal(71, store.Recent(new MeasurementFilter(), 1000).Count);
    }

    [Fact]
    public void A_store_whose_tests_are_rows_has_them_moved_into_chunks_with_their_values_when_next_opened()
    {
        var (t, store) = Open();
        using var _ = t;
        var tests = Enumerable.Range(0, 40).Select(n => Test(n, n * 60, op: n % 2 == 0 ? "kcell" : "beeline", valid: n % 5 != 0)).ToList();
        using (var c = new SqliteConnection($"Data Source={t.Spec}"))
        {
            // As a store before migration 0019 kept them: one row each, and the marks that migration leaves.
            c.Open();
            using var tx = c.BeginTransaction();
            foreach (var m in tests)
            {
                using var insert = c.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO measurements (id, time_us, month, lon, lat, quadkey, region_code, operator_id, access, down_mbps, up_mbps, latency_ms, " +
                                     "source, kind, client_network, tests, valid, reasons, synthetic) VALUES ($id, $t, '2026-03', $lon, $lat, $q, 'KZ-75', $op, '4G', $d, 3.25, $l, " +
                                     "'import', 0, $net, 1, $v, $r, 0)";
                insert.Parameters.AddWithValue("$id", m.Id);
                insert.Parameters.AddWithValue("$t", MeasurementColumns.Microseconds(m.Time));
                insert.Parameters.AddWithValue("$lon", m.Location!.Value.Lon);
                insert.Parameters.AddWithValue("$lat", m.Location!.Value.Lat);
                insert.Parameters.AddWithValue("$q", m.Quadkey);
                insert.Parameters.AddWithValue("$op", m.OperatorId);
                insert.Parameters.AddWithValue("$d", (object?)m.DownMbps ?? DBNull.Value);
                insert.Parameters.AddWithValue("$l", m.LatencyMs);
                insert.Parameters.AddWithValue("$net", m.ClientNetwork);
                insert.Parameters.AddWithValue("$v", m.Valid ? 1 : 0);
                insert.Parameters.AddWithValue("$r", (object?)MeasurementColumns.Reasons(m.Reasons) ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }
            using var mark = c.CreateCommand();
            mark.Transaction = tx;
            mark.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ('measurement_chunks', 'rebuild'), ('measurement_values', 'rebuild')";
            mark.ExecuteNonQuery();
            tx.Commit();
        }

        var counts = store.Counts();
        Assert.Equal((40L, 32L, 8L), (counts.Measurements, counts.Valid, counts.Invalid));
        Assert.Equal(tests.OrderByDescending(m => m.Time).Take(3), store.Recent(new MeasurementFilter(), 3));
        var kcell = store.Aggregate(new Quality.Aggregates.AggregateQuery(Quality.Aggregates.GroupBy.Operator)).Single(g => g.Operator == "kcell");
        Assert.Equal(tests.Count(m => m.Valid && m.OperatorId == "kcell"), kcell.Tests);
        Assert.Equal(0, store.Append([tests[7]], []));
        Assert.Equal(1, Chunks(t));
        using var check = new SqliteConnection($"Data Source={t.Spec}");
        check.Open();
        using var rows = check.CreateCommand();
        rows.CommandText = "SELECT COUNT(*) FROM measurements WHERE kind = 0";
        Assert.Equal(0L, (long)rows.ExecuteScalar()!);
    }

    [Fact]
    public void A_chunk_gives_back_every_value_with_columns_all_alike_or_not_and_a_missing_real_apart_from_a_stored_NaN()
    {
        var tests = new List<Measurement>
        {
            Test(1, 5) with { JitterMs = double.NaN, Bytes = 12, Devices = 3, Reasons = ["rule: é ü"], Dataset = "Алматы.csv", Tests = 1 },
            Test(2, 1) with { Location = null, Access = null, Quadkey = null, ClientNetwork = null, Bytes = null, Synthetic = true },
            Test(3, 1) with { DownMbps = -0.0, UpMbps = double.Epsilon, LatencyMs = double.MaxValue, Valid = false, Reasons = ["a", "b"] },
        };
        var writer = new TestChunkWriter();
        foreach (var m in tests) writer.Add(m);
        var chunk = new TestChunk(writer.Encode());
        // In (time, id) order: t-00002 and t-00003 share a time.
        Assert.Equal(["t-00002", "t-00003", "t-00001"], Enumerable.Range(0, chunk.Count).Select(i => chunk.Id[i]));
        Assert.Equal(tests[1], chunk.At(0));
        Assert.Equal(tests[2], chunk.At(1));
        Assert.Equal(tests[0] with { JitterMs = 0 }, chunk.At(2) with { JitterMs = 0 }); // NaN is not equal to itself
        Assert.True(double.IsNaN(chunk.At(2).JitterMs!.Value));
        Assert.Null(chunk.At(0).JitterMs);
        Assert.True(double.IsNegative(chunk.At(1).DownMbps!.Value));
        Assert.Equal((12L, 3), (chunk.At(2).Bytes!.Value, chunk.At(2).Devices!.Value));

        // Every column alike (one value stored) reads back for every test; the writer is empty again after Clear.
        writer.Clear();
        for (var n = 0; n < 5; n++) writer.Add(Test(7, 9) with { Id = $"same-{n}" });
        var same = new TestChunk(writer.Encode());
        Assert.Equal(5, same.Count);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(Test(7, 9) with { Id = $"same-{i}" }, same.At(i)));
    }

    [Fact]
    public void Keys_added_in_rounds_into_the_same_buckets_are_all_found_with_their_chunks_and_can_be_repointed()
    {
        var (t, _) = Open();
        using var _ = t;
        using var c = new SqliteConnection($"Data Source={t.Spec}");
        c.Open();
        using var tx = c.BeginTransaction();
        // Keys in three buckets (top 16 bits), the second round falling between, before and after the first round's.
        static long K(long bucket, long low) => bucket << 48 | low;
        long[] first = [K(1, 10), K(1, 30), K(7, 5), K(-1 & 0xFFFF, 2)];
        long[] second = [K(1, 5), K(1, 20), K(1, 40), K(7, 6), K(9, 1)];
        using (var table = new KeyTable(c, empty: true)) table.Add(first.Order().ToArray(), first.Order().Select(k => k & 0xFF).ToArray());
        using (var table = new KeyTable(c)) table.Add(second.Order().ToArray(), second.Order().Select(k => k & 0xFF).ToArray());
        using (var table = new KeyTable(c))
        {
            foreach (var k in first.Concat(second)) Assert.Equal(k & 0xFF, table.ChunkOf(k));
            Assert.Null(table.ChunkOf(K(1, 11)));
            Assert.False(table.Contains(K(2, 10)));
            table.Repoint([(K(1, 20), 99), (K(9, 1), 98)]);
        }
        using (var table = new KeyTable(c))
        {
            Assert.Equal((99L, 98L, 30L), (table.ChunkOf(K(1, 20))!.Value, table.ChunkOf(K(9, 1))!.Value, table.ChunkOf(K(1, 30))!.Value));
            Assert.Throws<InvalidOperationException>(() => table.Repoint([(K(3, 3), 1)]));
        }
    }
}
