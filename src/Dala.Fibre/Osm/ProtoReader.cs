using System.Text;

namespace Dala.Fibre.Osm;

/// <summary>
/// A minimal protobuf wire-format decoder over a span: field keys, varints, zigzag, length-delimited values
/// and skipping of unknown fields of every wire type (groups included). <see cref="Position"/> counts from the
/// start of the outermost buffer (<paramref name="origin"/> is where this span starts in it), so errors from
/// nested messages name a position in the whole block. Malformed input throws <see cref="ProtoException"/>.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data, int origin = 0)
{
    private const int MaxGroupDepth = 64;
    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly int Position => origin + _pos;

    public readonly bool End => _pos >= _data.Length;

    /// <summary>Reads the next field key; false at the end of the data.</summary>
    public bool Next(out int field, out WireType wire)
    {
        field = 0;
        wire = WireType.Varint;
        if (_pos >= _data.Length) return false;
        var at = Position;
        var key = Varint();
        if (key >> 3 is 0 or > int.MaxValue) throw new ProtoException(at, $"invalid field number {key >> 3}");
        if ((key & 7) > 5) throw new ProtoException(at, $"invalid wire type {key & 7} (field {key >> 3})");
        field = (int)(key >> 3);
        wire = (WireType)(key & 7);
        return true;
    }

    public ulong Varint()
    {
        var at = Position;
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length) throw new ProtoException(at, "truncated varint");
            var b = _data[_pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw new ProtoException(at, "varint longer than 10 bytes");
    }

    public long Int64() => (long)Varint();

    public int Int32() => (int)(long)Varint();

    public long SInt64() => ZigZag(Varint());

    public static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    /// <summary>A length-delimited value.</summary>
    public ReadOnlySpan<byte> Bytes() => _data.Slice(BytesStart(out var length), length);

    /// <summary>A length-delimited value as a range (start, length) of the outermost buffer.</summary>
    public (int Start, int Length) BytesRange()
    {
        var start = BytesStart(out var length);
        return (origin + start, length);
    }

    /// <summary>An embedded message: a reader over its bytes that keeps counting positions from the outer buffer.</summary>
    public ProtoReader Message()
    {
        var start = BytesStart(out var length);
        return new ProtoReader(_data.Slice(start, length), origin + start);
    }

    public string String() => Encoding.UTF8.GetString(Bytes());

    /// <summary>Appends a repeated varint field, packed (length-delimited) or not, to <paramref name="into"/>.</summary>
    public void Varints(int field, WireType wire, LongList into)
    {
        if (wire == WireType.Varint)
        {
            into.Add((long)Varint());
            return;
        }
        Require(field, wire, WireType.LengthDelimited);
        var packed = Message();
        while (!packed.End) into.Add((long)packed.Varint());
    }

    /// <summary>Throws unless a known field came with the wire type its schema gives it.</summary>
    public readonly void Require(int field, WireType wire, WireType expected)
    {
        if (wire != expected) throw new ProtoException(Position, $"field {field} has wire type {(int)wire}, expected {(int)expected}");
    }

    /// <summary>Skips the value of a field of any wire type (a group up to its matching end).</summary>
    public void Skip(int field, WireType wire, int depth = 0)
    {
        switch (wire)
        {
            case WireType.Varint: Varint(); break;
            case WireType.Fixed64: Advance(8); break;
            case WireType.Fixed32: Advance(4); break;
            case WireType.LengthDelimited: BytesStart(out _); break;
            case WireType.StartGroup: SkipGroup(field, depth); break;
            default: throw new ProtoException(Position, $"unexpected end of group (field {field})");
        }
    }

    private void SkipGroup(int field, int depth)
    {
        var at = Position;
        if (depth >= MaxGroupDepth) throw new ProtoException(at, $"groups nested deeper than {MaxGroupDepth}");
        while (Next(out var f, out var w))
        {
            if (w != WireType.EndGroup) Skip(f, w, depth + 1);
            else if (f == field) return;
            else throw new ProtoException(Position, $"end of group {f} inside group {field}");
        }
        throw new ProtoException(at, $"group {field} is not closed");
    }

    private int BytesStart(out int length)
    {
        var at = Position;
        var n = Varint();
        if (n > (ulong)(_data.Length - _pos))
            throw new ProtoException(at, $"a length-delimited field of {n} bytes runs past the end ({_data.Length - _pos} bytes left)");
        length = (int)n;
        var start = _pos;
        _pos += length;
        return start;
    }

    private void Advance(int n)
    {
        if (_data.Length - _pos < n) throw new ProtoException(Position, $"truncated fixed-width field ({n} bytes needed)");
        _pos += n;
    }
}
