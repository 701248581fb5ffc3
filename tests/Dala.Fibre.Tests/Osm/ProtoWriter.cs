namespace Dala.Fibre.Tests.Osm;

/// <summary>A tiny protobuf encoder for building test files: keys, varints, zigzag, bytes and packed fields.</summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _out = new();

    public static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));

    public static byte[] VarintBytes(ulong v) => new ProtoWriter().RawVarint(v).ToArray();

    public ProtoWriter RawVarint(ulong v)
    {
        while (v >= 0x80)
        {
            _out.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }
        _out.WriteByte((byte)v);
        return this;
    }

    public ProtoWriter Raw(params byte[] bytes)
    {
        _out.Write(bytes);
        return this;
    }

    public ProtoWriter Key(int field, int wire) => RawVarint((ulong)((field << 3) | wire));

    public ProtoWriter Varint(int field, ulong v) => Key(field, 0).RawVarint(v);

    public ProtoWriter Int(int field, long v) => Varint(field, (ulong)v);

    public ProtoWriter SInt(int field, long v) => Varint(field, ZigZag(v));

    public ProtoWriter Bytes(int field, byte[] bytes) => Key(field, 2).RawVarint((ulong)bytes.Length).Raw(bytes);

    public ProtoWriter String(int field, string s) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(s));

    public ProtoWriter Message(int field, ProtoWriter m) => Bytes(field, m.ToArray());

    public ProtoWriter Packed(int field, IEnumerable<ulong> values)
    {
        var inner = new ProtoWriter();
        foreach (var v in values) inner.RawVarint(v);
        return Bytes(field, inner.ToArray());
    }

    /// <summary>A DELTA coded sint64 packed field.</summary>
    public ProtoWriter PackedDelta(int field, IEnumerable<long> values)
    {
        long previous = 0;
        return Packed(field, values.Select(v =>
        {
            var delta = v - previous;
            previous = v;
            return ZigZag(delta);
        }).ToList());
    }

    public byte[] ToArray() => _out.ToArray();
}
