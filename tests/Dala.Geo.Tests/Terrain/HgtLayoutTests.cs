using Dala.Geo.Terrain;
using Dala.Testing;

namespace Dala.Geo.Tests.Terrain;

/// <summary>The byte layout, checked against hand-made files rather than our own writer.</summary>
public class HgtLayoutTests
{
    private const int N = 1201;

    private static void Put(byte[] file, int row, int col, short value)
    {
        file[2 * (row * N + col)] = (byte)(value >> 8);
        file[2 * (row * N + col) + 1] = (byte)value;
    }

    [Fact]
    public void Big_endian_row_0_north_column_0_west_in_a_southern_western_tile()
    {
        using var dir = new TempDir();
        var bytes = new byte[2 * N * N];
        Put(bytes, 0, 0, 258);          // north-west corner: 11 S, 77 W
        Put(bytes, 0, N - 1, 1000);     // north-east: 11 S, 76 W
        Put(bytes, N - 1, 0, -2);       // south-west: 12 S, 77 W
        Put(bytes, N - 1, N - 1, 4321); // south-east: 12 S, 76 W
        Put(bytes, 1, 2, 77);           // one row south, two columns east of the north-west corner
        var path = dir.File("s12w077.hgt");
        File.WriteAllBytes(path, bytes);

        var tile = HgtReader.Read(path);
        Assert.Equal(new HgtTileName(-12, -77), tile.Name);
        Assert.Equal(HgtResolution.ThreeArcSecond, tile.Resolution);
        Assert.Equal(258, tile.HeightAt(new LonLat(-77, -11)));
        Assert.Equal(1000, tile.HeightAt(new LonLat(-76, -11)));
        Assert.Equal(-2, tile.HeightAt(new LonLat(-77, -12)));
        Assert.Equal(4321, tile.HeightAt(new LonLat(-76, -12)));
        Assert.Equal(77, tile.HeightAt(new LonLat(-77 + 2.0 / 1200, -11 - 1.0 / 1200))!.Value, 1e-6);
        Assert.Equal(0, tile.HeightAt(new LonLat(-76.5, -11.5)));
        Assert.Null(tile.HeightAt(new LonLat(-75.9, -11.5)));
    }

    [Fact]
    public void The_writer_produces_the_same_layout()
    {
        using var dir = new TempDir();
        var tile = new HgtTileName(-12, -77);
        var path = HgtWriter.WriteTile(dir.Path, tile, HgtResolution.ThreeArcSecond,
            p => p.Lon == -77 && p.Lat == -11 ? 258 : p.Lon == -76 && p.Lat == -12 ? -2 : p.Lat == -11.5 ? null : 5);
        Assert.EndsWith("S12W077.hgt", path, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(2 * N * N, bytes.Length);
        Assert.Equal(new byte[] { 0x01, 0x02 }, bytes[..2]);
        Assert.Equal(new byte[] { 0xFF, 0xFE }, bytes[^2..]);
        Assert.Equal(new byte[] { 0x00, 0x05 }, bytes[2..4]);
        var voidRow = 600 * N * 2;
        Assert.Equal(new byte[] { 0x80, 0x00 }, bytes[voidRow..(voidRow + 2)]);
    }

    [Fact]
    public void Writer_rounds_to_whole_metres_and_refuses_heights_an_hgt_cannot_hold()
    {
        var t = new HgtTileName(43, 76);
        var s = HgtWriter.Sample(t, HgtResolution.ThreeArcSecond, _ => 12.5);
        Assert.Equal(13, s[0]);
        Assert.Throws<ArgumentException>(() => HgtWriter.Sample(t, HgtResolution.ThreeArcSecond, _ => 40000));
        Assert.Throws<ArgumentException>(() => HgtWriter.Sample(t, HgtResolution.ThreeArcSecond, _ => double.NaN));
        Assert.Throws<ArgumentException>(() => HgtWriter.Write("unused.hgt", new short[100]));
    }
}
