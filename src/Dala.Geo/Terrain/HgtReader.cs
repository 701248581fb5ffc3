using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Dala.Geo.Terrain;

/// <summary>Reads SRTM .hgt tiles; every problem is an <see cref="HgtFormatException"/> naming the file.</summary>
public static class HgtReader
{
    /// <summary>Reads a whole tile; the tile comes from the file name, the resolution from the file size.</summary>
    public static HgtTile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = HgtTileName.FromPath(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var resolution = HgtFormat.ResolutionOf(path, stream.Length);
        var samples = new short[HgtFormat.SampleCount(resolution)];
        var bytes = MemoryMarshal.AsBytes(samples.AsSpan());
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length)
            throw new HgtFormatException(path, $"truncated: the file ended after {read} of {bytes.Length} bytes while it was read");
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(samples, samples);
        return new HgtTile(name, samples, path);
    }
}
