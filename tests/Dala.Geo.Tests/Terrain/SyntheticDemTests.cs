using Dala.Geo.Terrain;
using Dala.Testing;

namespace Dala.Geo.Tests.Terrain;

public class SyntheticDemTests
{
    [Fact]
    public void Writes_a_readable_folder_of_tiles_with_a_ridge_on_a_plain()
    {
        using var dir = new TempDir();
        var surface = SyntheticDem.PlainWithRidge(300, new LonLat(76.2, 43.5), new LonLat(77.8, 43.5), 1200, 3);
        var paths = SyntheticDem.WriteTiles(dir.Path, new BBox(76, 43, 78, 44), HgtResolution.ThreeArcSecond, surface);
        Assert.Equal(2, paths.Count);

        var terrain = new HgtTerrain(dir.Path);
        Assert.Equal(1500, terrain.HeightAt(new LonLat(77, 43.5))!.Value, 1.0);
        Assert.Equal(300, terrain.HeightAt(new LonLat(77, 43.05))!.Value, 1.0);
        var profile = terrain.Profile(new LonLat(77, 43.1), new LonLat(77, 43.9), 90);
        Assert.True(profile.Covered);
        Assert.Equal(1500, profile.HeightsM.Span.ToArray().Max(), 1.0);
    }
}
