using static System.FormattableString;

namespace Dala.Geo.Terrain;

/// <summary>
/// The SRTM .hgt layout: a square of big-endian signed 16-bit heights in metres, row 0 along the north edge,
/// column 0 along the west edge; the edge rows and columns repeat the neighbouring tiles' edges.
/// </summary>
public static class HgtFormat
{
    /// <summary>The sample value SRTM uses for "no data".</summary>
    public const short Void = short.MinValue;

    public static int SamplesPerSide(HgtResolution resolution) => resolution switch
    {
        HgtResolution.OneArcSecond => 3601,
        HgtResolution.ThreeArcSecond => 1201,
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "an SRTM tile is 1 or 3 arc-second"),
    };

    public static int SampleCount(HgtResolution resolution) => SamplesPerSide(resolution) * SamplesPerSide(resolution);

    public static long FileBytes(HgtResolution resolution) => 2L * SampleCount(resolution);

    /// <summary>The resolution of a file of <paramref name="bytes"/> bytes, or null when it is neither.</summary>
    public static HgtResolution? FromFileBytes(long bytes) =>
        bytes == FileBytes(HgtResolution.ThreeArcSecond) ? HgtResolution.ThreeArcSecond
        : bytes == FileBytes(HgtResolution.OneArcSecond) ? HgtResolution.OneArcSecond
        : null;

    /// <summary>The resolution of a file of <paramref name="bytes"/> bytes, or a clear error naming the file.</summary>
    public static HgtResolution ResolutionOf(string path, long bytes)
    {
        if (FromFileBytes(bytes) is { } r) return r;
        long three = FileBytes(HgtResolution.ThreeArcSecond), one = FileBytes(HgtResolution.OneArcSecond);
        var reason = bytes == 0 ? "the file is empty"
            : bytes < three ? Invariant($"truncated: {bytes:N0} bytes, less than the {three:N0} of a 3 arc-second tile")
            : bytes < one ? Invariant($"{bytes:N0} bytes is neither a 3 arc-second tile ({three:N0}) nor a 1 arc-second tile ({one:N0}); a truncated 1 arc-second tile?")
            : Invariant($"{bytes:N0} bytes, more than the {one:N0} of a 1 arc-second tile");
        throw new HgtFormatException(path, reason);
    }
}
