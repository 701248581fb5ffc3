using Dala.Fibre.Osm;

namespace Dala.Fibre.Tests.Osm;

/// <summary>The wire-format decoder: varints, zigzag, packed fields, skipping, and malformed input.</summary>
public class ProtoReaderTests
{
    [Theory]
    [InlineData(0ul)]
    [InlineData(1ul)]
    [InlineData(127ul)]
    [InlineData(128ul)]
    [InlineData(300ul)]
    [InlineData(1ul << 63)]
    [InlineData(ulong.MaxValue)]
    public void Varints_round_trip(ulong value)
    {
        var r = new ProtoReader(ProtoWriter.VarintBytes(value));
        Assert.Equal(value, r.Varint());
        Assert.True(r.End);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Zigzag_round_trips(long value) => Assert.Equal(value, ProtoReader.ZigZag(ProtoWriter.ZigZag(value)));

    [Fact]
    public void A_negative_int32_in_ten_bytes_reads_back()
    {
        var r = new ProtoReader(ProtoWriter.VarintBytes(unchecked((ulong)-1L)));
        Assert.Equal(-1, r.Int32());
    }

    [Fact]
    public void Packed_and_unpacked_repeated_fields_read_the_same()
    {
        var bytes = new ProtoWriter().Packed(1, [5, 300]).Varint(1, 7).ToArray();
        var r = new ProtoReader(bytes);
        var list = new LongList();
        while (r.Next(out var field, out var wire)) r.Varints(field, wire, list);
        Assert.Equal([5L, 300L, 7L], list.Span.ToArray());
    }

    [Fact]
    public void Fields_of_every_wire_type_are_skipped_including_nested_groups()
    {
        var bytes = new ProtoWriter().Varint(1, 1).Key(2, 1).Raw(new byte[8]).String(3, "x").Key(4, 3)
            .Varint(1, 9).Key(5, 3).Key(6, 5).Raw(new byte[4]).Key(5, 4).Key(4, 4).Varint(9, 42).ToArray();
        var r = new ProtoReader(bytes);
        var last = 0ul;
        while (r.Next(out var field, out var wire))
        {
            if (field == 9) last = r.Varint();
            else r.Skip(field, wire);
        }
        Assert.Equal(42ul, last);
    }

    [Theory]
    [InlineData(new byte[] { 0x80 }, "truncated varint", 0)]
    [InlineData(new byte[] { 0x0a, 0x05, 0x01 }, "runs past the end", 1)]
    [InlineData(new byte[] { 0x0e }, "invalid wire type 6", 0)]
    [InlineData(new byte[] { 0x00 }, "invalid field number 0", 0)]
    [InlineData(new byte[] { 0x0b, 0x08, 0x01 }, "group 1 is not closed", 1)]
    [InlineData(new byte[] { 0x09, 0x01, 0x02 }, "truncated fixed-width", 1)]
    [InlineData(new byte[] { 0x0b, 0x14 }, "end of group 2 inside group 1", 2)]
    public void Malformed_input_names_its_position(byte[] bytes, string problem, int position)
    {
        var e = Assert.Throws<ProtoException>(() =>
        {
            var r = new ProtoReader(bytes);
            while (r.Next(out var field, out var wire)) r.Skip(field, wire);
        });
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.Equal(position, e.Position);
    }

    [Fact]
    public void Positions_inside_nested_messages_count_from_the_outer_buffer()
    {
        var bytes = new ProtoWriter().Varint(1, 1).Bytes(2, [0x08, 0x80]).ToArray();
        var e = Assert.Throws<ProtoException>(() =>
        {
            var r = new ProtoReader(bytes);
            r.Next(out _, out _);
            r.Varint();
            r.Next(out _, out _);
            var inner = r.Message();
            inner.Next(out _, out _);
            inner.Varint();
        });
        Assert.Equal(5, e.Position);
    }
}
