using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Dala.Geo.Terrain;

/// <summary>Writes SRTM .hgt tiles (for tests and the SYNTHETIC demo DEM; real tiles come from the SRTM archive).</summary>
public static class HgtWriter
{
    /// <summary>
    /// Samples <paramref name="heightM"/> at every grid point of the tile (row 0 north, column 0 west), rounding to
    /// whole metres; null means void. A value that is not finite or does not fit in 16 bits is an error.
    /// </summary>
    public static short[] Sample(HgtTileName tile, HgtResolution resolution, Func<LonLat, double?> heightM)
    {
        ArgumentNullException.ThrowIfNull(heightM);
        var size = HgtFormat.SamplesPerSide(resolution);
        var last = size - 1;
        var samples = new short[size * size];
        for (var r = 0; r < size; r++)
        {
            var lat = tile.SouthLat + 1 - (double)r / last;
            for (var c = 0; c < size; c++)
            {
                var p = new LonLat(tile.WestLon + (double)c / last, lat);
                samples[r * size + c] = ToSample(heightM(p), tile, p);
            }
        }
        return samples;
    }

    /// <summary>Writes samples (row-major, row 0 north) as a big-endian .hgt file at <paramref name="path"/>.</summary>
    public static void Write(string path, ReadOnlySpan<short> samples)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (HgtFormat.FromFileBytes(2L * samples.Length) is null)
            throw new ArgumentException($"a tile has 1201² or 3601² samples, not {samples.Length}", nameof(samples));
        var bigEndian = new short[samples.Length];
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(samples, bigEndian);
        else samples.CopyTo(bigEndian);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(MemoryMarshal.AsBytes(bigEndian.AsSpan()));
    }

    /// <summary>Samples a surface over a tile and writes it as <c>folder/N43E076.hgt</c>; returns the path.</summary>
    public static string WriteTile(string folder, HgtTileName tile, HgtResolution resolution, Func<LonLat, double?> heightM)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, tile.FileName);
        Write(path, Sample(tile, resolution, heightM));
        return path;
    }

    private static short ToSample(double? h, HgtTileName tile, LonLat p)
    {
        if (h is not { } v) return HgtFormat.Void;
        var rounded = Math.Round(v, MidpointRounding.AwayFromZero);
        if (!(rounded is >= short.MinValue + 1 and <= short.MaxValue))
            throw new ArgumentException($"tile {tile}: height {v} m at {p} does not fit an .hgt sample (-32767..32767); return null for a void");
        return (short)rounded;
    }
}
