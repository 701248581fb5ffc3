using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dala.Benchmarks;

/// <summary>
/// The floor of a packed layout for measurements in SQLite, next to <see cref="SqliteFloor"/>'s row table: tests kept
/// in chunks of 8,192, each column a run of values in one BLOB row (`chunks`), and a test's id only as a 64-bit key in
/// a key table (`keys`: key, chunk) filled at the end in key order. What every test costs here is encoding its values
/// into the column runs and one 8-byte key; a chunk is one row. No reading, parsing or placing: the most lines per
/// second an intake into such a layout could reach on this machine. Not the product's layout (a design measurement).
/// <c>sqlite-floor DIR COUNT packed</c> prints <c>sqlite-floor-packed: encode_us=... keys_us=... commit_us=... total_us=... max_lines_per_s=... file_mb=...</c>.
/// </summary>
public static class SqliteFloorPacked
{
    private const int Chunk = 8192;

    public static int Run(string dir, long count)
    {
        var path = Path.Combine(dir, "floor-packed.db");
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        SqliteFloor.Exec(c, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA threads = 2");
        SqliteFloor.Exec(c, "CREATE TABLE chunks (id INTEGER PRIMARY KEY, tests INTEGER NOT NULL, min_time_us INTEGER NOT NULL, max_time_us INTEGER NOT NULL, " +
                "ids BLOB NOT NULL, times BLOB NOT NULL, places BLOB NOT NULL, speeds BLOB NOT NULL, texts BLOB NOT NULL)");
        SqliteFloor.Exec(c, "CREATE TABLE keys (key INTEGER NOT NULL, chunk INTEGER NOT NULL, PRIMARY KEY (key, chunk)) WITHOUT ROWID");
        var sw = Stopwatch.StartNew();
        SqliteFloor.Exec(c, "BEGIN IMMEDIATE");
        using var insert = c.CreateCommand();
        insert.CommandText = "INSERT INTO chunks (id, tests, min_time_us, max_time_us, ids, times, places, speeds, texts) VALUES ($id, $n, $min, $max, $ids, $times, $places, $speeds, $texts)";
        var pId = insert.Parameters.Add("$id", SqliteType.Integer);
        var pN = insert.Parameters.Add("$n", SqliteType.Integer);
        var pMin = insert.Parameters.Add("$min", SqliteType.Integer);
        var pMax = insert.Parameters.Add("$max", SqliteType.Integer);
        var pIds = insert.Parameters.Add("$ids", SqliteType.Blob);
        var pTimes = insert.Parameters.Add("$times", SqliteType.Blob);
        var pPlaces = insert.Parameters.Add("$places", SqliteType.Blob);
        var pSpeeds = insert.Parameters.Add("$speeds", SqliteType.Blob);
        var pTexts = insert.Parameters.Add("$texts", SqliteType.Blob);
        var keys = new long[count];
        var ids = new byte[Chunk * 27];
        var times = new byte[Chunk * 8];
        var places = new byte[Chunk * 16];
        var speeds = new byte[Chunk * 6 * 8 + Chunk * 8];
        var texts = new byte[Chunk * 12]; // settlement, region, operator, access, source, dataset as 16-bit dictionary codes
        var id = new byte[26];
        for (long start = 0, chunk = 1; start < count; start += Chunk, chunk++)
        {
            var n = (int)Math.Min(Chunk, count - start);
            long min = long.MaxValue, max = long.MinValue;
            for (var i = 0; i < n; i++)
            {
                var row = start + i;
                SqliteFloor.HashedId(row, id);
                ids[i * 27] = 26;
                id.CopyTo(ids.AsSpan(i * 27 + 1));
                keys[row] = (long)SqliteFloor.Mix((ulong)row) ^ chunk; // a 64-bit key per test (a hash of its id in the product)
                var t = 1_776_000_000_000_000 + (long)(SqliteFloor.Mix((ulong)row * 7) % 31_536_000_000_000UL);
                min = Math.Min(min, t);
                max = Math.Max(max, t);
                BinaryPrimitives.WriteInt64LittleEndian(times.AsSpan(i * 8), t);
                BinaryPrimitives.WriteDoubleLittleEndian(places.AsSpan(i * 16), 70.8349 + i * 1e-6);
                BinaryPrimitives.WriteDoubleLittleEndian(places.AsSpan(i * 16 + 8), 50.952144 - i * 1e-6);
                for (var k = 0; k < 6; k++) BinaryPrimitives.WriteDoubleLittleEndian(speeds.AsSpan((k * Chunk + i) * 8), 229.625 + k + i);
                BinaryPrimitives.WriteInt64LittleEndian(speeds.AsSpan((6 * Chunk + i) * 8), 297077343 + i);
                for (var k = 0; k < 6; k++) BinaryPrimitives.WriteUInt16LittleEndian(texts.AsSpan((k * Chunk + i) * 2), (ushort)(k * 31 + (i & 1023)));
            }
            pId.Value = chunk;
            pN.Value = n;
            pMin.Value = min;
            pMax.Value = max;
            pIds.Value = ids.AsSpan(0, n * 27).ToArray();
            pTimes.Value = times.AsSpan(0, n * 8).ToArray();
            pPlaces.Value = places.AsSpan(0, n * 16).ToArray();
            pSpeeds.Value = speeds.ToArray();
            pTexts.Value = texts.AsSpan(0, n * 12).ToArray();
            insert.ExecuteNonQuery();
        }
        var encoded = sw.Elapsed.TotalSeconds;
        // The keys in key order (a bulk load's at the end), appended to the key table's B-tree.
        Array.Sort(keys);
        var db = c.Handle!;
        SqliteFloor.Check(db, raw.sqlite3_prepare_v2(db, "INSERT INTO keys (key, chunk) VALUES (?1, ?2)", out var stmt));
        for (long i = 0; i < count; i++)
        {
            raw.sqlite3_bind_int64(stmt, 1, keys[i]);
            raw.sqlite3_bind_int64(stmt, 2, 1 + i / Chunk);
            if (raw.sqlite3_step(stmt) != raw.SQLITE_DONE) SqliteFloor.Check(db, raw.sqlite3_errcode(db));
            raw.sqlite3_reset(stmt);
        }
        raw.sqlite3_finalize(stmt);
        var keyed = sw.Elapsed.TotalSeconds;
        SqliteFloor.Exec(c, "COMMIT");
        SqliteFloor.Exec(c, "PRAGMA wal_checkpoint(TRUNCATE)");
        var total = sw.Elapsed.TotalSeconds;
        double Us(double s) => s / count * 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sqlite-floor-packed: rows={count} encode_us={Us(encoded):F2} keys_us={Us(keyed - encoded):F2} commit_us={Us(total - keyed):F2} " +
            $"total_us={Us(total):F2} max_lines_per_s={count / total:F0} file_mb={new FileInfo(path).Length / 1e6:F0}"));
        return 0;
    }
}
