using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Dala.Quality.Model;
using Dala.Registry.Model;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite.Chunks;

/// <summary>
/// Builds one chunk of single tests at a time: a BLOB holding each column as a run of values (times, places, speeds as
/// raw little-endian arrays, texts as a per-chunk dictionary of UTF-8 strings plus a 16-bit code a test), the tests in
/// (time, id) order, which readers that stream a time window rely on. Layout in <see cref="TestChunk"/>.
/// <see cref="Add"/> copies a test's fields into the columns at once (the test is then still in the processor's cache;
/// gathering each column from the tests at the end cost four times as much), and the writer reuses its buffers from
/// chunk to chunk (a chunk is about a megabyte: one allocated each time, on the large-object heap, cost more garbage
/// collection than the encoding).
/// </summary>
internal sealed class TestChunkWriter
{
    /// <summary>The version a chunk starts with (a reader refuses any other).</summary>
    public const int Version = 1;

    /// <summary>Stands for a missing real (a NaN with a payload no arithmetic produces, so a stored NaN stays a NaN).</summary>
    public const long NullRealBits = 0x7FF8_DA1A_0000_0001;

    public static readonly double NullReal = BitConverter.Int64BitsToDouble(NullRealBits);

    private const int Reals = 8, Texts = 10;
    private long[] _time = [], _bytes = [];
    private readonly double[][] _reals = new double[Reals][];
    private int[] _tests = [], _devices = [], _order = [];
    private byte[] _valid = [], _synthetic = [];
    private string[] _ids = [];
    private readonly TextBuilder[] _texts = [.. Enumerable.Range(0, Texts).Select(_ => new TextBuilder())];
    private readonly Dictionary<int, string> _months = [];
    private readonly ChunkBuffer _buffer = new(1 << 16);

    public TestChunkWriter()
    {
        for (var r = 0; r < Reals; r++) _reals[r] = [];
    }

    public int Count { get; private set; }

    public int Valid { get; private set; }

    public int Synthetic { get; private set; }

    public int SyntheticValid { get; private set; }

    public long MinTimeUs { get; private set; } = long.MaxValue;

    public long MaxTimeUs { get; private set; } = long.MinValue;

    /// <summary>The most tests a chunk holds (its text codes are 16-bit).</summary>
    public const int MaxTests = ushort.MaxValue;

    public void Add(Measurement m)
    {
        var i = Count;
        if (i == MaxTests) throw new InvalidOperationException($"a measurement chunk holds at most {MaxTests} tests");
        if (i == _time.Length) Grow(Math.Max(1024, i * 2));
        var t = Microseconds(m.Time);
        _time[i] = t;
        (MinTimeUs, MaxTimeUs) = (Math.Min(MinTimeUs, t), Math.Max(MaxTimeUs, t));
        _reals[0][i] = m.Location?.Lon ?? NullReal;
        _reals[1][i] = m.Location?.Lat ?? NullReal;
        _reals[2][i] = m.DownMbps ?? NullReal;
        _reals[3][i] = m.UpMbps ?? NullReal;
        _reals[4][i] = m.LatencyMs ?? NullReal;
        _reals[5][i] = m.JitterMs ?? NullReal;
        _reals[6][i] = m.LossPct ?? NullReal;
        _reals[7][i] = m.DurationS ?? NullReal;
        _bytes[i] = m.Bytes ?? long.MinValue;
        _tests[i] = m.Tests;
        _devices[i] = m.Devices ?? int.MinValue;
        _valid[i] = m.Valid ? (byte)1 : (byte)0;
        _synthetic[i] = m.Synthetic ? (byte)1 : (byte)0;
        _ids[i] = m.Id;
        _texts[0].Add(i, MonthOf(m.Time));
        _texts[1].Add(i, m.Quadkey);
        _texts[2].Add(i, m.SettlementId);
        _texts[3].Add(i, m.RegionCode);
        _texts[4].Add(i, m.OperatorId);
        _texts[5].Add(i, m.Access?.WireName());
        _texts[6].Add(i, m.Source.WireName());
        _texts[7].Add(i, m.Dataset);
        _texts[8].Add(i, m.ClientNetwork);
        _texts[9].Add(i, Reasons(m.Reasons));
        if (m.Valid) Valid++;
        if (m.Synthetic) Synthetic++;
        if (m.Valid && m.Synthetic) SyntheticValid++;
        Count++;
    }

    private string MonthOf(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        var k = u.Year * 100 + u.Month;
        if (!_months.TryGetValue(k, out var s)) _months[k] = s = Month(t);
        return s;
    }

    private void Grow(int n)
    {
        Array.Resize(ref _time, n);
        Array.Resize(ref _bytes, n);
        for (var r = 0; r < Reals; r++) Array.Resize(ref _reals[r], n);
        Array.Resize(ref _tests, n);
        Array.Resize(ref _devices, n);
        Array.Resize(ref _order, n);
        Array.Resize(ref _valid, n);
        Array.Resize(ref _synthetic, n);
        Array.Resize(ref _ids, n);
        foreach (var t in _texts) t.Grow(n);
    }

    /// <summary>The chunk of the tests added since the last <see cref="Clear"/>, in (time, id) order; valid until the writer is used again.</summary>
    public ReadOnlySpan<byte> Encode()
    {
        var n = Count;
        var order = _order.AsSpan(0, n);
        for (var i = 0; i < n; i++) order[i] = i;
        var (time, ids) = (_time, _ids);
        order.Sort((a, b) =>
        {
            var c = time[a].CompareTo(time[b]);
            return c != 0 ? c : string.CompareOrdinal(ids[a], ids[b]);
        });
        var w = _buffer;
        w.Clear();
        w.Int(Version);
        w.Int(n);
        w.Column(_time, order);
        for (var r = 0; r < Reals; r++) w.Column(_reals[r], order);
        w.Column(_bytes, order);
        w.Column(_tests, order);
        w.Column(_devices, order);
        w.Column(_valid, order);
        w.Column(_synthetic, order);
        // The ids: each its own entry, in chunk order, so its code is its place and is not written.
        w.Int(n);
        foreach (var i in order) w.Text(ids[i]);
        foreach (var t in _texts) t.Write(w, order);
        return w.Written;
    }

    /// <summary>
    /// Adds the valid tests' values to the packed values of their groups (region, operator, month, synthetic): the tests
    /// are put in group order first (their codes in this chunk make the group key, so no text is hashed a test), then
    /// each group's values are appended at once.
    /// </summary>
    public void AddValues(SqliteMeasurementValues values)
    {
        var n = Count;
        var (region, op, month) = (_texts[3], _texts[4], _texts[0]);
        var local = new Dictionary<long, int>();
        var groupOf = _order;
        var sizes = new List<int>();
        var firsts = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (_valid[i] == 0) { groupOf[i] = -1; continue; }
            var key = (long)(ushort)region.Code(i) | (long)(ushort)op.Code(i) << 16 | (long)(ushort)month.Code(i) << 32 | (long)_synthetic[i] << 48;
            if (!local.TryGetValue(key, out var g))
            {
                local[key] = g = sizes.Count;
                sizes.Add(0);
                firsts.Add(i);
            }
            groupOf[i] = g;
            sizes[g]++;
        }
        var start = new int[sizes.Count + 1];
        for (var g = 0; g < sizes.Count; g++) start[g + 1] = start[g] + sizes[g];
        var rows = new int[start[^1]];
        var next = start[..^1];
        for (var i = 0; i < n; i++)
        {
            if (groupOf[i] >= 0) rows[next[groupOf[i]]++] = i;
        }
        var (down, up, latency) = (_reals[2], _reals[3], _reals[4]);
        for (var g = 0; g < sizes.Count; g++)
        {
            var f = firsts[g];
            var b = values.Group(region.Value(f), op.Value(f), month.Value(f)!, _synthetic[f] != 0);
            b.Tests += sizes[g];
            for (var k = start[g]; k < start[g + 1]; k++)
            {
                var i = rows[k];
                if (TestChunk.Has(down[i])) b.Down.Add(down[i]);
                if (TestChunk.Has(up[i])) b.Up.Add(up[i]);
                if (TestChunk.Has(latency[i])) b.Latency.Add(latency[i]);
            }
        }
        values.Added(rows.Length);
    }

    /// <summary>Empties the writer for the next chunk.</summary>
    public void Clear()
    {
        Array.Clear(_ids, 0, Count);
        foreach (var t in _texts) t.Clear();
        (Count, Valid, Synthetic, SyntheticValid, MinTimeUs, MaxTimeUs) = (0, 0, 0, 0, long.MaxValue, long.MinValue);
    }

    /// <summary>One text column being built: its distinct values, first seen first, and a code a test (-1: none).</summary>
    private sealed class TextBuilder
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];
        private int[] _rows = [];
        private string? _last;
        private int _lastCode;

        public void Grow(int n)
        {
            Array.Resize(ref _rows, n);
            Array.Resize(ref _codes16, n);
        }

        private ushort[] _codes16 = [];

        /// <summary>The code of a test added (-1: none).</summary>
        public int Code(int row) => _rows[row];

        /// <summary>The text of the test's code (null: none).</summary>
        public string? Value(int row) => _rows[row] < 0 ? null : _values[_rows[row]];

        public void Add(int row, string? s)
        {
            if (s is null) { (_rows[row], _codes16[row]) = (-1, ushort.MaxValue); return; }
            // Operators, regions, sources and months come as the same few string objects: one comparison, no hash.
            if (ReferenceEquals(s, _last)) { (_rows[row], _codes16[row]) = (_lastCode, (ushort)_lastCode); return; }
            if (!_codes.TryGetValue(s, out var code))
            {
                _codes[s] = code = _values.Count;
                _values.Add(s);
            }
            (_last, _lastCode, _rows[row], _codes16[row]) = (s, code, code, (ushort)code);
        }

        public void Write(ChunkBuffer w, ReadOnlySpan<int> order)
        {
            w.Int(_values.Count);
            foreach (var s in _values) w.Text(s);
            // 16-bit codes (a chunk holds at most MaxTests tests, so at most as many values); 0xFFFF: none.
            w.Column(_codes16, order);
        }

        public void Clear()
        {
            _codes.Clear();
            _values.Clear();
            _last = null;
        }
    }

    /// <summary>A growing byte buffer with little-endian writes.</summary>
    private sealed class ChunkBuffer(int capacity)
    {
        private byte[] _bytes = new byte[capacity];
        private int _used;

        private Span<byte> Bytes(int n)
        {
            if (_used + n > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + n));
            var s = _bytes.AsSpan(_used, n);
            _used += n;
            return s;
        }

        public Span<T> Take<T>(int n) where T : unmanaged => MemoryMarshal.Cast<byte, T>(Bytes(n * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));

        public void Int(int v) => BinaryPrimitives.WriteInt32LittleEndian(Bytes(4), v);

        /// <summary>
        /// The column's values in the given order, after a byte that says how: 0, all of them; 1, one value that every test
        /// has (a column no test has, jitter in most files, or the same for all, a single test's count, is then 9 bytes).
        /// </summary>
        public void Column<T>(T[] values, ReadOnlySpan<int> order) where T : unmanaged
        {
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("chunks are little-endian");
            var flag = _used;
            Bytes(1)[0] = 0;
            var target = Take<T>(order.Length);
            for (var i = 0; i < order.Length; i++) target[i] = values[order[i]];
            var bytes = MemoryMarshal.AsBytes(target);
            var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            // Every value equals the next one (byte for byte: a missing real is a NaN with its own payload).
            if (order.Length > 0 && bytes[..^size].SequenceEqual(bytes[size..]))
            {
                _bytes[flag] = 1;
                _used = flag + 1 + size;
            }
        }

        public void Text(string s)
        {
            var n = Encoding.UTF8.GetByteCount(s);
            Int(n);
            Encoding.UTF8.GetBytes(s, Bytes(n));
        }

        public void Clear() => _used = 0;

        public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _used);
    }
}
