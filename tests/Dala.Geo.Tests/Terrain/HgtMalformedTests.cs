using Dala.Geo.Terrain;
using Dala.Testing;

namespace Dala.Geo.Tests.Terrain;

public class HgtMalformedTests
{
    private const int ThreeArcSecondBytes = 2 * 1201 * 1201;

    private static string WriteBytes(TempDir dir, string name, int length)
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, new byte[length]);
        return path;
    }

    [Fact]
    public void A_size_that_is_neither_resolution_names_the_file_and_both_sizes()
    {
        using var dir = new TempDir();
        var path = WriteBytes(dir, "N43E076.hgt", ThreeArcSecondBytes + 2);
        var e = Assert.Throws<HgtFormatException>(() => HgtReader.Read(path));
        Assert.Equal(path, e.Path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("2,884,802", e.Message, StringComparison.Ordinal);
        Assert.Contains("25,934,402", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Theory]
    [InlineData(ThreeArcSecondBytes / 2)]
    [InlineData(ThreeArcSecondBytes - 1)]
    [InlineData(0)]
    public void A_truncated_or_empty_file_says_so(int length)
    {
        using var dir = new TempDir();
        var path = WriteBytes(dir, "N43E076.hgt", length);
        var e = Assert.Throws<HgtFormatException>(() => HgtReader.Read(path));
        Assert.Contains(length == 0 ? "empty" : "truncated", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terrain.hgt")]
    [InlineData("N43E76.hgt")]
    [InlineData("N95E076.hgt")]
    [InlineData("Q43E076.hgt")]
    public void A_name_that_is_not_a_tile_name_is_an_error_naming_the_file(string name)
    {
        using var dir = new TempDir();
        var path = WriteBytes(dir, name, ThreeArcSecondBytes);
        var e = Assert.Throws<HgtFormatException>(() => HgtReader.Read(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("not an SRTM tile name", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_folder_checks_every_file_up_front()
    {
        using var dir = new TempDir();
        HgtWriter.WriteTile(dir.Path, Surfaces.N43E076, HgtResolution.ThreeArcSecond, Surfaces.Plane());
        var bad = WriteBytes(dir, "N43E077.HGT", 1000);
        var e = Assert.Throws<HgtFormatException>(() => new HgtTerrain(dir.Path));
        Assert.Equal(bad, e.Path);
    }

    [Fact]
    public void Two_files_for_one_tile_are_an_error()
    {
        using var dir = new TempDir();
        HgtWriter.WriteTile(dir.Path, Surfaces.N43E076, HgtResolution.ThreeArcSecond, Surfaces.Plane());
        Directory.CreateDirectory(dir.File("more"));
        File.Copy(dir.File("N43E076.hgt"), Path.Combine(dir.File("more"), "n43e076.hgt"));
        var e = Assert.Throws<HgtFormatException>(() => new HgtTerrain(dir.Path));
        Assert.Contains("also in", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => new HgtTerrain("/no/such/terrain"));
        Assert.Contains("/no/such/terrain", e.Message, StringComparison.Ordinal);
    }
}
