namespace Dala.Geo.Terrain;

/// <summary>An .hgt file that is not a readable SRTM tile: the message names the file and the problem.</summary>
public sealed class HgtFormatException(string path, string reason) : FormatException($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
