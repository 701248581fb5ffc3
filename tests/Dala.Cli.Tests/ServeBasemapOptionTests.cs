using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>`dala serve --basemap VALUE`: a value that cannot be a base is refused in one line with exit 2, before the store is created.</summary>
public sealed class ServeBasemapOptionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("missing.pmtiles", "--basemap missing.pmtiles: no such file (a PMTiles archive, an XYZ URL template or a style URL)")]
    [InlineData("notes.txt", "--basemap notes.txt: not a PMTiles archive: the file does not start with \"PMTiles\"")]
    [InlineData("short.pmtiles", "--basemap short.pmtiles: not a PMTiles archive: 7 bytes, shorter than the 127-byte header")]
    [InlineData("https://tiles.example.org/{z}/{x}.png", "--basemap https://tiles.example.org/{z}/{x}.png: an XYZ template needs all of {z}, {x} and {y}")]
    public void A_value_that_is_no_basemap_is_refused_with_exit_2_and_one_line(string value, string error)
    {
        _dir.Write("notes.txt", new string('n', 400));
        _dir.Write("short.pmtiles", "PMTiles");
        var run = CliRun.In(_dir.Path, "serve", "--store", _dir.File("kz.db"), "--basemap", value);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(error, line, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("kz.db")));
    }
}
