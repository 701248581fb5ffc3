using Dala.Geo.Raster;

namespace Dala.Geo.Tests.Raster;

public class ColourRampTests
{
    private static readonly Rgba Red = Rgba.FromHex("#d7191c");
    private static readonly Rgba Yellow = Rgba.FromHex("#ffff00");
    private static readonly Rgba Green = Rgba.FromHex("#1a9641");

    [Theory]
    [InlineData(-120)]
    [InlineData(-140)]
    [InlineData(double.NegativeInfinity)]
    public void At_or_below_minus_120_is_red(double dbm) => Assert.Equal(Red, ColourRamp.Rsrp.ColourOf(dbm));

    [Theory]
    [InlineData(-70)]
    [InlineData(-40)]
    public void At_or_above_minus_70_is_green(double dbm) => Assert.Equal(Green, ColourRamp.Rsrp.ColourOf(dbm));

    [Fact]
    public void Minus_95_is_yellow_and_midpoints_blend_halfway()
    {
        Assert.Equal(Yellow, ColourRamp.Rsrp.ColourOf(-95));
        // (215,25,28) → (255,255,0) halfway: (235, 140, 14)
        Assert.Equal(new Rgba(235, 140, 14), ColourRamp.Rsrp.ColourOf(-107.5));
        // (255,255,0) → (26,150,65) halfway: 140.5 → 141, 202.5 → 203, 32.5 → 33 (half away from zero)
        Assert.Equal(new Rgba(141, 203, 33), ColourRamp.Rsrp.ColourOf(-82.5));
    }

    [Fact]
    public void NaN_is_transparent() => Assert.Equal(Rgba.Transparent, ColourRamp.Rsrp.ColourOf(double.NaN));

    [Fact]
    public void Alpha_interpolates_too_for_other_layers()
    {
        var ramp = new ColourRamp([new ColourStop(0, new Rgba(0, 0, 255, 0)), new ColourStop(10, new Rgba(0, 0, 255, 200))]);
        Assert.Equal(new Rgba(0, 0, 255, 50), ramp.ColourOf(2.5));
    }

    [Fact]
    public void Stops_must_ascend_and_be_at_least_two()
    {
        Assert.Throws<ArgumentException>(() => new ColourRamp([new ColourStop(0, Red)]));
        var e = Assert.Throws<ArgumentException>(() => new ColourRamp([new ColourStop(1, Red), new ColourStop(1, Green)]));
        Assert.Contains("ascend", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ColourRamp([new ColourStop(double.NaN, Red), new ColourStop(1, Green)]));
    }

    [Fact]
    public void Legend_lists_the_stops_with_css_colours()
    {
        var legend = ColourRamp.Rsrp.Legend("RSRP", "dBm");
        Assert.Equal("RSRP", legend.Title);
        Assert.Equal("dBm", legend.Unit);
        Assert.Equal([new LegendStop(-120, "#d7191c"), new LegendStop(-95, "#ffff00"), new LegendStop(-70, "#1a9641")], legend.Stops);
        Assert.Equal("no data", legend.NoDataLabel);
    }

    [Theory]
    [InlineData("#d7191c", 215, 25, 28, 255)]
    [InlineData("#00000080", 0, 0, 0, 128)]
    public void Hex_colours_round_trip(string hex, byte r, byte g, byte b, byte a)
    {
        Assert.Equal(new Rgba(r, g, b, a), Rgba.FromHex(hex));
        Assert.Equal(hex, new Rgba(r, g, b, a).ToHex());
    }

    [Theory]
    [InlineData("d7191c")]
    [InlineData("#d7191")]
    [InlineData("#gggggg")]
    public void Malformed_hex_is_refused(string hex) => Assert.Throws<FormatException>(() => Rgba.FromHex(hex));
}
