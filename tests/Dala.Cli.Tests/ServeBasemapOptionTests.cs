using System.Net;
using System.Net.Sockets;
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

    [Theory]
    [InlineData(2, "(PNG tiles, zoom 0-6)")]
    [InlineData(1, "(MVT tiles, zoom 0-6; vector tiles, drawn in a default style)")]
    [InlineData(6, "(MLT tiles, zoom 0-6; not drawn, the offline base is)")]
    public void A_pmtiles_archive_is_accepted_and_named_when_serving_starts(byte tileType, string described)
    {
        var archive = _dir.File("base.pmtiles");
        File.WriteAllBytes(archive, PmTilesArchive.Raster(PmTilesArchive.SolidPng(250, 200, 120), 6, tileType));
        // On a busy address the server stops right after its banner: enough to see the archive was read and named.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
        var run = CliRun.In(_dir.Path, "serve", "--store", _dir.File("kz.db"), "--urls", url, "--basemap", "base.pmtiles");
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains($"basemap: {archive} {described}", run.Out, StringComparison.Ordinal);
        Assert.Contains("already in use", run.Err, StringComparison.Ordinal);
    }
}
