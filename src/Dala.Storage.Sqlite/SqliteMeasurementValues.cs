using System.Runtime.InteropServices;
using Dala.Quality.Model;
using Microsoft.Data.Sqlite;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite;

/// <summary>
/// Gathers the new valid single tests' values per group (region, operator, month, synthetic) during an append and
/// writes them as chunks of measurement_values in the same transaction. Memory is bounded: the buffers are written
/// out whenever they hold <see cref="FlushValues"/> tests. At the end, a group left with many small chunks (many
/// small appends: our own speed tests arrive one at a time) has them merged into one.
/// </summary>
internal sealed class SqliteMeasurementValues(SqliteConnection c)
{
    public const int FlushValues = 1 << 20;
    private const int SmallChunk = 4096;
    private const int MaxSmallChunks = 16;

    internal sealed class Buffer
    {
        public readonly List<double> Down = [];
        public readonly List<double> Up = [];
        public readonly List<double> Latency = [];
        public int Tests;
    }

    private readonly Dictionary<(string? Region, string? Operator, string Month, bool Synthetic), Buffer> _groups = [];
    private readonly HashSet<(string?, string?, string, bool)> _touched = [];
    private readonly Dictionary<int, string> _months = [];
    private int _buffered;

    /// <summary>Takes a new measurement: only valid single tests are aggregated.</summary>
    public void Add(Measurement m)
    {
        if (m.Kind != MeasurementKind.Test || !m.Valid) return;
        var key = (m.RegionCode, m.OperatorId, MonthOf(m.Time), m.Synthetic);
        if (!_groups.TryGetValue(key, out var b)) _groups[key] = b = new Buffer();
        b.Tests++;
        if (m.DownMbps is { } d) b.Down.Add(d);
        if (m.UpMbps is { } u) b.Up.Add(u);
        if (m.LatencyMs is { } l) b.Latency.Add(l);
        if (++_buffered >= FlushValues) Flush();
    }

    /// <summary>The buffer of a group, for a caller that adds a group's tests at once (<see cref="Chunks.TestChunkWriter.AddValues"/>).</summary>
    internal Buffer Group(string? region, string? @operator, string month, bool synthetic)
    {
        var key = (region, @operator, month, synthetic);
        if (!_groups.TryGetValue(key, out var b)) _groups[key] = b = new Buffer();
        return b;
    }

    /// <summary>Counts tests added through <see cref="Group"/>, writing the buffers out when they hold enough.</summary>
    internal void Added(int tests)
    {
        _buffered += tests;
        if (_buffered >= FlushValues) Flush();
    }

    private string MonthOf(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        var k = u.Year * 100 + u.Month;
        if (!_months.TryGetValue(k, out var s)) _months[k] = s = Month(t);
        return s;
    }

    /// <summary>Writes what is buffered as one chunk per group.</summary>
    public void Flush()
    {
        if (_buffered == 0) return;
        using var insert = new SqliteStatement(c,
            "INSERT INTO measurement_values (region_code, operator_id, month, synthetic, tests, down, up, latency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        foreach (var (key, b) in _groups)
        {
            if (b.Tests == 0) continue;
            Write(insert, key, b.Tests, CollectionsMarshal.AsSpan(b.Down), CollectionsMarshal.AsSpan(b.Up), CollectionsMarshal.AsSpan(b.Latency));
            _touched.Add(key);
            b.Down.Clear();
            b.Up.Clear();
            b.Latency.Clear();
            b.Tests = 0;
        }
        _buffered = 0;
    }

    /// <summary>Flushes, then merges the small chunks of each group this append wrote to, where they have piled up.</summary>
    public void Finish()
    {
        Flush();
        foreach (var key in _touched) Compact(key);
        _touched.Clear();
    }

    /// <summary>A group's small chunks of values (bound by <see cref="BindSmall"/>).</summary>
    private const string SmallOfGroup = "FROM measurement_values WHERE region_code IS ?1 AND operator_id IS ?2 AND month = ?3 AND synthetic = ?4 AND tests < ?5";

    private static void BindSmall(SqliteStatement s, (string? Region, string? Operator, string Month, bool Synthetic) key)
    {
        Bind(s, key);
        s.Integer(5, SmallChunk);
    }

    private void Compact((string? Region, string? Operator, string Month, bool Synthetic) key)
    {
        // Counted first: most groups have few small chunks, and reading their values only to leave them would read them all.
        using (var count = new SqliteStatement(c, "SELECT COUNT(*) " + SmallOfGroup))
        {
            BindSmall(count, key);
            count.Step();
            if (count.ColumnInteger(0) <= MaxSmallChunks) return;
        }
        var rows = new List<long>();
        var down = new List<double>();
        var up = new List<double>();
        var latency = new List<double>();
        var tests = 0;
        using (var q = new SqliteStatement(c, "SELECT rowid, tests, down, up, latency " + SmallOfGroup))
        {
            BindSmall(q, key);
            while (q.Step())
            {
                rows.Add(q.ColumnInteger(0));
                tests += (int)q.ColumnInteger(1);
                down.AddRange(MemoryMarshal.Cast<byte, double>(q.ColumnBlob(2)));
                up.AddRange(MemoryMarshal.Cast<byte, double>(q.ColumnBlob(3)));
                latency.AddRange(MemoryMarshal.Cast<byte, double>(q.ColumnBlob(4)));
            }
        }
        using (var delete = new SqliteStatement(c, "DELETE FROM measurement_values WHERE rowid = ?1"))
        {
            foreach (var row in rows)
            {
                delete.Integer(1, row);
                delete.Execute();
            }
        }
        using var insert = new SqliteStatement(c,
            "INSERT INTO measurement_values (region_code, operator_id, month, synthetic, tests, down, up, latency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        Write(insert, key, tests, CollectionsMarshal.AsSpan(down), CollectionsMarshal.AsSpan(up), CollectionsMarshal.AsSpan(latency));
    }

    private static void Write(SqliteStatement insert, (string? Region, string? Operator, string Month, bool Synthetic) key, int tests,
        ReadOnlySpan<double> down, ReadOnlySpan<double> up, ReadOnlySpan<double> latency)
    {
        Bind(insert, key);
        insert.Integer(5, tests);
        Values(insert, 6, down);
        Values(insert, 7, up);
        Values(insert, 8, latency);
        insert.Execute();
    }

    private static void Bind(SqliteStatement s, (string? Region, string? Operator, string Month, bool Synthetic) key)
    {
        s.Text(1, key.Region);
        s.Text(2, key.Operator);
        s.Text(3, key.Month);
        s.Integer(4, key.Synthetic ? 1 : 0);
    }

    private static void Values(SqliteStatement s, int i, ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) s.Null(i); else s.Blob(i, MemoryMarshal.AsBytes(values));
    }

    /// <summary>Rebuilds every chunk from the single tests (measurement_chunks; after the migration that added them, or a repair).</summary>
    public static void Rebuild(SqliteConnection c)
    {
        using (var clear = new SqliteStatement(c, "DELETE FROM measurement_values")) clear.Execute();
        var values = new SqliteMeasurementValues(c);
        using (var q = new SqliteStatement(c, "SELECT data FROM measurement_chunks WHERE valid > 0"))
        {
            while (q.Step())
            {
                var chunk = new Chunks.TestChunk(q.ColumnBlob(0));
                for (var i = 0; i < chunk.Count; i++)
                {
                    if (chunk.Valid[i] == 0) continue;
                    values.Add(new Measurement
                    {
                        Id = "", Source = MeasurementSource.Import, RegionCode = chunk.Region[i], OperatorId = chunk.Operator[i],
                        Time = FromMicroseconds(chunk.TimeUs[i]), Synthetic = chunk.Synthetic[i] != 0,
                        DownMbps = Chunks.TestChunk.Real(chunk.Down[i]), UpMbps = Chunks.TestChunk.Real(chunk.Up[i]),
                        LatencyMs = Chunks.TestChunk.Real(chunk.Latency[i]),
                    });
                }
            }
        }
        values.Finish();
        using var done = new SqliteStatement(c, "DELETE FROM meta WHERE key = 'measurement_values'");
        done.Execute();
    }
}
