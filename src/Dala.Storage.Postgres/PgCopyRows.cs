using System.Buffers.Binary;
using System.Text;

namespace Dala.Storage.Postgres;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (header, per row a field count and each field as length + big-endian
/// bytes, trailer), buffered and written to a raw COPY stream (<c>NpgsqlConnection.BeginRawBinaryCopy</c>).
/// Why our own: Npgsql's typed importer resolves a converter for every value it is given, which cost the measurement
/// intake about as much client CPU as reading, building and placing a line (27 values a row); here a value is a few
/// byte writes. Only the types the measurement rows use are written.
/// </summary>
internal sealed class PgCopyRows(Stream output)
{
    private const long PostgresEpochMicros = 946_684_800_000_000; // 2000-01-01 UTC in microseconds since 1970
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public void Start()
    {
        Ensure(19);
        Header.CopyTo(_buffer.AsSpan(_used));
        _used += 11;
        Int32(0); // flags
        Int32(0); // header extension length
    }

    public void Row(short fields)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), fields);
        _used += 2;
    }

    public void Null() => Int32(-1);

    public void Text(string? value)
    {
        if (value is null) { Null(); return; }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max + 4 > _buffer.Length)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int32(bytes.Length);
            Flush();
            output.Write(bytes);
            return;
        }
        Ensure(max + 4);
        var n = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), n);
        _used += 4 + n;
    }

    public void Float8(double? value)
    {
        if (value is not { } v) { Null(); return; }
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_used + 4), v);
        _used += 12;
    }

    public void Int8(long? value)
    {
        if (value is not { } v) { Null(); return; }
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used + 4), v);
        _used += 12;
    }

    public void Int4(int? value)
    {
        if (value is not { } v) { Null(); return; }
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used + 4), v);
        _used += 8;
    }

    public void Int2(int? value)
    {
        if (value is not { } v) { Null(); return; }
        Ensure(6);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used + 4), checked((short)v));
        _used += 6;
    }

    public void Bool(bool value)
    {
        Ensure(5);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 1);
        _buffer[_used + 4] = value ? (byte)1 : (byte)0;
        _used += 5;
    }

    /// <summary>A timestamptz: microseconds since 2000-01-01 UTC.</summary>
    public void TimestampTz(long unixMicroseconds) => Int8(unixMicroseconds - PostgresEpochMicros);

    /// <summary>The trailer, and everything buffered out.</summary>
    public void Finish()
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        Flush();
    }

    private void Int32(int v)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), v);
        _used += 4;
    }

    private void Ensure(int bytes)
    {
        if (_used + bytes > _buffer.Length) Flush();
    }

    private void Flush()
    {
        if (_used == 0) return;
        output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
