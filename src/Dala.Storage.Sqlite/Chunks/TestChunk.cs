using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Dala.Geo;
using Dala.Quality.Model;
using Dala.Registry.Model;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite.Chunks;

/// <summary>
/// One decoded chunk of single tests (<see cref="TestChunkWriter"/>), column by column: readers filter and aggregate
/// on the columns and make a <see cref="Measurement"/> only for the tests they return. Layout: version, count; times
/// (int64 microseconds); lon, lat, down, up, latency, jitter, loss, duration (float64, <see cref="TestChunkWriter.NullReal"/>
/// when missing); bytes (int64, MinValue when missing); tests, devices (int32, MinValue when missing); valid, synthetic
/// (a byte each); then the text columns id, month, quadkey, settlement, region, operator, access, source, dataset,
/// client network, reasons, each as its number of distinct values, each value's UTF-8 length and bytes, then a 16-bit
/// code a test (0xFFFF: none), except the ids, one value a test in chunk order, with no codes. Every column of numbers
/// or codes starts with a byte: 0, one value a test follows; 1, a single value every test has.
/// </summary>
internal sealed class TestChunk
{
    public readonly int Count;
    public readonly long[] TimeUs;
    public readonly double[] Lon, Lat, Down, Up, Latency, Jitter, Loss, Duration;
    public readonly long[] Bytes;
    public readonly int[] Tests, Devices;
    public readonly byte[] Valid, Synthetic;
    public readonly TextColumn Id, Month, Quadkey, Settlement, Region, Operator, Access, Source, Dataset, ClientNetwork, Reasons;

    public TestChunk(ReadOnlySpan<byte> data)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("chunks are little-endian");
        var at = 0;
        int Int(ReadOnlySpan<byte> d) { var v = BinaryPrimitives.ReadInt32LittleEndian(d[at..]); at += 4; return v; }
        var version = Int(data);
        if (version != TestChunkWriter.Version) throw new InvalidDataException($"measurement chunk version {version}, expected {TestChunkWriter.Version}");
        var n = Count = Int(data);
        T[] Array<T>(ReadOnlySpan<byte> d) where T : unmanaged
        {
            var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            var how = d[at++];
            if (how == 1)
            {
                var a1 = new T[n];
                a1.AsSpan().Fill(MemoryMarshal.Read<T>(d.Slice(at, size)));
                at += size;
                return a1;
            }
            if (how != 0) throw new InvalidDataException($"measurement chunk: column stored as {how}");
            var bytes = n * size;
            var a = MemoryMarshal.Cast<byte, T>(d.Slice(at, bytes)).ToArray();
            at += bytes;
            return a;
        }
        TimeUs = Array<long>(data);
        Lon = Array<double>(data);
        Lat = Array<double>(data);
        Down = Array<double>(data);
        Up = Array<double>(data);
        Latency = Array<double>(data);
        Jitter = Array<double>(data);
        Loss = Array<double>(data);
        Duration = Array<double>(data);
        Bytes = Array<long>(data);
        Tests = Array<int>(data);
        Devices = Array<int>(data);
        Valid = Array<byte>(data);
        Synthetic = Array<byte>(data);
        TextColumn Text(ReadOnlySpan<byte> d, bool ids = false)
        {
            var entries = Int(d);
            var start = new int[entries];
            var length = new int[entries];
            var from = at;
            for (var e = 0; e < entries; e++)
            {
                length[e] = Int(d);
                start[e] = at - from;
                at += length[e];
            }
            var utf8 = d[from..at].ToArray();
            var codes = new int[n];
            if (ids)
            {
                for (var i = 0; i < n; i++) codes[i] = i;
            }
            else
            {
                var written = Array<ushort>(d);
                for (var i = 0; i < n; i++) codes[i] = written[i] == ushort.MaxValue ? -1 : written[i];
            }
            return new TextColumn(utf8, start, length, codes);
        }
        Id = Text(data, ids: true);
        Month = Text(data);
        Quadkey = Text(data);
        Settlement = Text(data);
        Region = Text(data);
        Operator = Text(data);
        Access = Text(data);
        Source = Text(data);
        Dataset = Text(data);
        ClientNetwork = Text(data);
        Reasons = Text(data);
        if (at != data.Length) throw new InvalidDataException($"measurement chunk: {data.Length - at} bytes left after {n} tests");
    }

    /// <summary>The real, or null where the chunk marks it missing.</summary>
    public static double? Real(double v) => BitConverter.DoubleToInt64Bits(v) == TestChunkWriter.NullRealBits ? null : v;

    public static bool Has(double v) => BitConverter.DoubleToInt64Bits(v) != TestChunkWriter.NullRealBits;

    public Measurement At(int i) => new()
    {
        Id = Id[i]!, Time = FromMicroseconds(TimeUs[i]),
        Location = Has(Lon[i]) ? new LonLat(Lon[i], Lat[i]) : null,
        Quadkey = Quadkey[i], SettlementId = Settlement[i], RegionCode = Region[i], OperatorId = Operator[i],
        Access = Technologies.Parse(Access[i]), DownMbps = Real(Down[i]), UpMbps = Real(Up[i]), LatencyMs = Real(Latency[i]),
        JitterMs = Real(Jitter[i]), LossPct = Real(Loss[i]), Bytes = Bytes[i] == long.MinValue ? null : Bytes[i], DurationS = Real(Duration[i]),
        Source = MeasurementSources.Parse(Source[i])!.Value, Kind = MeasurementKind.Test, Dataset = Dataset[i], ClientNetwork = ClientNetwork[i],
        Tests = Tests[i], Devices = Devices[i] == int.MinValue ? null : Devices[i], Valid = Valid[i] != 0,
        Reasons = Dala.Quality.Store.MeasurementColumns.Reasons(Reasons[i]), Synthetic = Synthetic[i] != 0,
    };
}

/// <summary>A text column of a chunk: its distinct UTF-8 values, made strings only when asked for, and a code a test (-1: none).</summary>
internal sealed class TextColumn(byte[] utf8, int[] start, int[] length, int[] codes)
{
    private readonly string?[] _strings = new string?[start.Length];

    public readonly int[] Codes = codes;

    public int Entries => start.Length;

    public string? this[int row] => Codes[row] < 0 ? null : Value(Codes[row]);

    public string Value(int code) => _strings[code] ??= Encoding.UTF8.GetString(utf8, start[code], length[code]);

    public ReadOnlySpan<byte> Utf8(int code) => utf8.AsSpan(start[code], length[code]);

    /// <summary>The code of the text in this chunk: -1 for null, -2 when no test has it.</summary>
    public int CodeOf(string? text)
    {
        if (text is null) return -1;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(text.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        for (var e = 0; e < start.Length; e++)
        {
            if (Utf8(e).SequenceEqual(bytes)) return e;
        }
        return -2;
    }
}
