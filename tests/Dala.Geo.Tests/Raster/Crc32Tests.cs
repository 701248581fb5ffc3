using System.Text;
using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

public class Crc32Tests
{
    [Fact]
    public void Check_value_of_123456789_is_CBF43926() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void Empty_input_gives_zero() => Assert.Equal(0u, Crc32.Compute([]));

    [Fact]
    public void The_IEND_chunk_CRC_is_the_well_known_AE426082() =>
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));

    [Fact]
    public void Appending_in_pieces_equals_computing_at_once()
    {
        var text = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        Assert.Equal(0x414FA339u, Crc32.Compute(text));
        var running = Crc32.Append(Crc32.Append(Crc32.Start, text.AsSpan(0, 10)), text.AsSpan(10));
        Assert.Equal(0x414FA339u, Crc32.Finish(running));
    }
}
