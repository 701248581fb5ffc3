using System.Diagnostics;
using System.Globalization;
using Dala.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dala.Benchmarks;

/// <summary>
/// What SQLite itself costs for a bulk load of our measurements table, with no reading, parsing or placing: a fresh
/// store (our migrations, our pragmas), one prepared INSERT with every value bound once and only the id and time bound
/// per row, then the two secondary indexes built at the end and the commit. The sum is the most lines per second any
/// intake that keeps one row per test in this table can reach on this machine, whatever the rest of it does.
/// <c>sqlite-floor DIR COUNT</c> prints <c>sqlite-floor: insert_us=... index_us=... commit_us=... total_us=... max_lines_per_s=...</c> (µs per row).
/// </summary>
public static class SqliteFloor
{
    public static int Run(string dir, long count)
    {
        var path = Path.Combine(dir, "floor.db");
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        var store = new SqliteRegistryStore(path);
        store.ReadRevision(); // creates the file and runs the migrations
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        Exec(c, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA threads = 2");
        var indexes = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'measurements' AND sql IS NOT NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read()) indexes.Add(r.GetString(1));
        }
        var sw = Stopwatch.StartNew();
        Exec(c, "BEGIN IMMEDIATE");
        Exec(c, string.Join(";", indexes.Select(sql => "DROP INDEX " + sql.Split(' ')[2])));
        var db = c.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO measurements (id, time_us, month, lon, lat, quadkey, settlement_id, region_code, operator_id, " +
            "access, down_mbps, up_mbps, latency_ms, bytes, duration_s, source, kind, dataset, tests, valid, synthetic, down_bucket) " +
            "VALUES (?1, ?2, '2026-04', 70.8349, 50.952144, '1201230123012301', 'osm-node-1234567890', 'KZ-71', 'synthetic-a', 'fibre', 229.625, " +
            "114.367, 17.7, 297077343, 10.35, 'ndt7-client', 0, 'tests-10000000.csv', 1, 1, 1, 5)", out var stmt));
        var id = new byte[32];
        for (long i = 0; i < count; i++)
        {
            // Ids shaped as a hashed import's ("m-" and 24 hex digits), in no order; made cheaply so that SQLite is what is timed.
            HashedId(i, id);
            raw.sqlite3_bind_text(stmt, 1, id.AsSpan(0, 26));
            raw.sqlite3_bind_int64(stmt, 2, 1_776_000_000_000_000 + i);
            if (raw.sqlite3_step(stmt) != raw.SQLITE_DONE) Check(db, raw.sqlite3_errcode(db));
            raw.sqlite3_reset(stmt);
        }
        raw.sqlite3_finalize(stmt);
        var inserted = sw.Elapsed.TotalSeconds;
        foreach (var sql in indexes) Exec(c, sql);
        var indexed = sw.Elapsed.TotalSeconds;
        Exec(c, "COMMIT");
        var total = sw.Elapsed.TotalSeconds;
        double Us(double s) => s / count * 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sqlite-floor: rows={count} insert_us={Us(inserted):F2} index_us={Us(indexed - inserted):F2} commit_us={Us(total - indexed):F2} " +
            $"total_us={Us(total):F2} max_lines_per_s={count / total:F0}"));
        return 0;
    }

    internal static void HashedId(long i, byte[] id)
    {
        id[0] = (byte)'m';
        id[1] = (byte)'-';
        var a = Mix((ulong)i);
        var b = Mix((ulong)i ^ 0x9E3779B97F4A7C15UL);
        for (var k = 0; k < 16; k++) id[2 + k] = (byte)"0123456789abcdef"[(int)(a >> (4 * k)) & 15];
        for (var k = 0; k < 8; k++) id[18 + k] = (byte)"0123456789abcdef"[(int)(b >> (4 * k)) & 15];
    }

    /// <summary>SplitMix64's finaliser.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    internal static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
    }
}
