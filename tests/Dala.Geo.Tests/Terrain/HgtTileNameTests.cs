using Dala.Geo.Terrain;

namespace Dala.Geo.Tests.Terrain;

public class HgtTileNameTests
{
    [Theory]
    [InlineData("N43E076", 43, 76)]
    [InlineData("n43e076", 43, 76)]
    [InlineData("S12W077", -12, -77)]
    [InlineData("N00E000", 0, 0)]
    [InlineData("S90W180", -90, -180)]
    [InlineData("N89E179", 89, 179)]
    public void Parses_names_in_any_case(string text, int south, int west)
    {
        var t = HgtTileName.TryParse(text);
        Assert.Equal(new HgtTileName(south, west), t);
        Assert.Equal(text.ToUpperInvariant(), t!.Value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("N43E76")]
    [InlineData("X43E076")]
    [InlineData("N43X076")]
    [InlineData("N4aE076")]
    [InlineData("N90E000")]
    [InlineData("N00E180")]
    [InlineData("N43E076x")]
    public void Rejects_what_is_not_a_tile_name(string text) => Assert.Null(HgtTileName.TryParse(text));

    [Fact]
    public void File_names_may_carry_a_product_suffix_but_must_end_in_hgt()
    {
        Assert.Equal(new HgtTileName(43, 76), HgtTileName.FromPath("/x/N43E076.SRTMGL1.hgt"));
        Assert.Equal(new HgtTileName(43, 76), HgtTileName.FromPath("/x/N43E076.HGT"));
        var e = Assert.Throws<HgtFormatException>(() => HgtTileName.FromPath("/x/N43E076.tif"));
        Assert.Equal("/x/N43E076.tif", e.Path);
    }

    [Fact]
    public void Containing_takes_the_south_west_corner_and_has_no_tile_at_90N_or_180E()
    {
        Assert.Equal(new HgtTileName(43, 76), HgtTileName.Containing(76.5, 43.5));
        Assert.Equal(new HgtTileName(-12, -77), HgtTileName.Containing(-76.5, -11.5));
        Assert.Equal(new HgtTileName(44, 77), HgtTileName.Containing(77, 44));
        Assert.Null(HgtTileName.Containing(10, 90));
        Assert.Null(HgtTileName.Containing(180, 10));
    }

    [Fact]
    public void Keys_are_dense_and_distinct()
    {
        Assert.Equal(0, new HgtTileName(-90, -180).Key);
        Assert.Equal(HgtTileName.KeyCount - 1, new HgtTileName(89, 179).Key);
        Assert.NotEqual(new HgtTileName(43, 76).Key, new HgtTileName(43, 77).Key);
    }
}
