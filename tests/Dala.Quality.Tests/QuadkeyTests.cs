using Dala.Geo;
using Dala.Quality.Model;

namespace Dala.Quality.Tests;

/// <summary>Bing Maps Tile System (Microsoft, "Bing Maps Tile System", MSDN): the published quadkey examples.</summary>
public class QuadkeyTests
{
    [Theory]
    [InlineData(3, 5, 3, "213")]
    [InlineData(23, 38, 6, "210331")]
    [InlineData(0, 0, 1, "0")]
    [InlineData(1, 1, 1, "3")]
    public void Published_examples(int x, int y, int level, string quadkey)
    {
        Assert.Equal(quadkey, Quadkey.FromTile(x, y, level));
        Assert.Equal((x, y, level), Quadkey.ToTile(quadkey));
    }

    [Fact]
    public void A_point_lies_inside_the_bounds_of_its_zoom_16_tile()
    {
        var astana = new LonLat(71.4460, 51.1801);
        var q = Quadkey.At(astana, 16);
        Assert.Equal(16, q.Length);
        Assert.True(Quadkey.Bounds(q).Contains(astana));
        var b = Quadkey.Bounds(q);
        Assert.InRange((b.East - b.West) * 111.32 * Math.Cos(51.18 * Math.PI / 180), 0.3, 0.4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0124")]
    [InlineData("abc")]
    [InlineData("012301230123012301230123")]
    public void Malformed_quadkeys_are_refused(string q) => Assert.Throws<FormatException>(() => Quadkey.ToTile(q));
}
