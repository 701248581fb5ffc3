using System.Buffers.Binary;

namespace Dala.Geo.Io;

/// <summary>
/// The fixed 127-byte header of a PMTiles v3 archive (what the file holds: tile type, zooms, bounds), read to check a
/// file before it is served and to tell the client whether its tiles are raster or vector.
/// </summary>
public sealed record PmTilesHeader(PmTilesTileType TileType, int MinZoom, int MaxZoom, double West, double South, double East, double North,
    long TileDataLength, long AddressedTiles)
{
    public const int Length = 127;

    /// <summary>The header of the file at <paramref name="path"/>; FormatException naming what is wrong when it is no PMTiles v3 archive.</summary>
    public static PmTilesHeader Read(string path)
    {
        using var f = File.OpenRead(path);
        var b = new byte[Length];
        var n = f.ReadAtLeast(b, Length, throwOnEndOfStream: false);
        return Parse(b.AsSpan(0, n), f.Length);
    }

    public static PmTilesHeader Parse(ReadOnlySpan<byte> b, long fileLength)
    {
        if (b.Length < Length) throw new FormatException($"not a PMTiles archive: {fileLength} bytes, shorter than the {Length}-byte header");
        if (!b[..7].SequenceEqual("PMTiles"u8)) throw new FormatException("not a PMTiles archive: the file does not start with \"PMTiles\"");
        if (b[7] != 3) throw new FormatException($"PMTiles version {b[7]}: only version 3 is read");
        var rootOffset = U64(b, 8);
        var rootLength = U64(b, 16);
        var dataOffset = U64(b, 56);
        var dataLength = U64(b, 64);
        if (rootOffset + rootLength > fileLength || rootLength == 0)
            throw new FormatException($"PMTiles root directory (bytes {rootOffset}+{rootLength}) lies outside the {fileLength}-byte file");
        if (dataOffset + dataLength > fileLength)
            throw new FormatException($"PMTiles tile data (bytes {dataOffset}+{dataLength}) lies outside the {fileLength}-byte file");
        var type = b[99] switch
        {
            1 => PmTilesTileType.Mvt, 2 => PmTilesTileType.Png, 3 => PmTilesTileType.Jpeg, 4 => PmTilesTileType.Webp, 5 => PmTilesTileType.Avif,
            6 => PmTilesTileType.Mlt, _ => PmTilesTileType.Unknown,
        };
        int minZ = b[100], maxZ = b[101];
        if (minZ > maxZ) throw new FormatException($"PMTiles min zoom {minZ} above max zoom {maxZ}");
        static double E7(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadInt32LittleEndian(s[at..]) / 1e7;
        return new PmTilesHeader(type, minZ, maxZ, E7(b, 102), E7(b, 106), E7(b, 110), E7(b, 114), dataLength, U64(b, 72));
    }

    /// <summary>Raster tiles a browser draws as images (PNG, JPEG, WebP, AVIF).</summary>
    public bool IsRaster => TileType is PmTilesTileType.Png or PmTilesTileType.Jpeg or PmTilesTileType.Webp or PmTilesTileType.Avif;

    private static long U64(ReadOnlySpan<byte> b, int at)
    {
        var v = BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);
        return v > long.MaxValue ? long.MaxValue : (long)v;
    }
}

public enum PmTilesTileType { Unknown, Mvt, Png, Jpeg, Webp, Avif, Mlt }
