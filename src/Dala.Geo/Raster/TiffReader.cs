using System.Buffers.Binary;

namespace Dala.Geo.Raster;

/// <summary>
/// A strict, minimal reader for what <see cref="GeoTiffWriter"/> writes: a classic little-endian TIFF, first IFD
/// only, one uncompressed band of uint8 or float32 in strips. Checks what a careless writer gets wrong: tags in
/// ascending order, value offsets on word boundaries and inside the file, strips and values not overlapping.
/// </summary>
public static class TiffReader
{
    public static TiffImage ReadFile(string path) => Read(File.ReadAllBytes(path));

    public static TiffImage Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var f = file.AsSpan();
        if (f.Length < 8) throw new TiffFormatException($"{f.Length} bytes is too short for a TIFF header");
        if (f[0] != 'I' || f[1] != 'I') throw new TiffFormatException("Not a little-endian TIFF (byte order is not \"II\")");
        if (U16(f, 2) != 42) throw new TiffFormatException($"TIFF magic is {U16(f, 2)}, not 42 (BigTIFF is not read)");
        var ifd = U32(f, 4);
        var regions = new List<(long Start, long Length, string What)> { (0, 8, "header") };
        CheckBlock(f, ifd, 2, "IFD");
        var n = U16(f, (int)ifd);
        var ifdLength = 2 + 12L * n + 4;
        CheckBlock(f, ifd, ifdLength, "IFD");
        regions.Add((ifd, ifdLength, "IFD"));

        var fields = new List<TiffField>(n);
        for (var i = 0; i < n; i++)
        {
            var at = (int)ifd + 2 + 12 * i;
            var tag = U16(f, at);
            var type = (TiffFieldType)U16(f, at + 2);
            var count = U32(f, at + 4);
            if (fields.Count > 0 && tag <= fields[^1].Tag)
                throw new TiffFormatException($"IFD tags are not in ascending order: {tag} follows {fields[^1].Tag}");
            var size = TiffFieldTypes.Size(type);
            if (size == 0) throw new TiffFormatException($"Tag {tag} has field type {(ushort)type}, which this reader does not know");
            var length = (long)size * count;
            if (length <= 4)
            {
                fields.Add(new TiffField(tag, type, count, null, file.AsMemory(at + 8, (int)length)));
                continue;
            }
            var offset = U32(f, at + 8);
            CheckBlock(f, offset, length, $"values of tag {tag}");
            regions.Add((offset, length, $"values of tag {tag}"));
            fields.Add(new TiffField(tag, type, count, offset, file.AsMemory((int)offset, (int)length)));
        }
        var next = U32(f, (int)(ifd + 2 + 12L * n));
        var image = new TiffImage(file, fields, next);
        foreach (var (start, length) in image.Strips) regions.Add((start, length, "strip"));
        CheckNoOverlap(regions);
        return image;
    }

    internal static void CheckBlock(ReadOnlySpan<byte> file, long offset, long length, string what)
    {
        if (offset % 2 != 0) throw new TiffFormatException($"The {what} starts at odd offset {offset}; TIFF wants word boundaries");
        if (offset < 8 || offset + length > file.Length)
            throw new TiffFormatException($"The {what} ({length} bytes at offset {offset}) is outside the {file.Length}-byte file");
    }

    private static void CheckNoOverlap(List<(long Start, long Length, string What)> regions)
    {
        var sorted = regions.Where(r => r.Length > 0).OrderBy(r => r.Start).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Start < sorted[i - 1].Start + sorted[i - 1].Length)
                throw new TiffFormatException($"The {sorted[i].What} at offset {sorted[i].Start} overlaps the {sorted[i - 1].What} at {sorted[i - 1].Start}");
        }
    }

    private static ushort U16(ReadOnlySpan<byte> f, int at) => BinaryPrimitives.ReadUInt16LittleEndian(f[at..]);

    private static uint U32(ReadOnlySpan<byte> f, int at) => BinaryPrimitives.ReadUInt32LittleEndian(f[at..]);
}
