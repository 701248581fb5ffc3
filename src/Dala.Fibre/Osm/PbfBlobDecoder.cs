using System.Globalization;
using System.IO.Compression;

namespace Dala.Fibre.Osm;

/// <summary>Decodes a Blob message: raw bytes or zlib_data (inflated to raw_size bytes); other compressions refused.</summary>
internal readonly record struct PbfBlobDecoder(string Source, string Type, long Offset)
{
    /// <summary>Writes the uncompressed data of blob[0..length] into <paramref name="output"/> (grown when needed); returns its length.</summary>
    public int Decode(byte[] blob, int length, ref byte[] output)
    {
        (int Start, int Length)? raw = null, zlib = null;
        int? rawSize = null;
        try
        {
            var r = new ProtoReader(blob.AsSpan(0, length));
            while (r.Next(out var field, out var wire))
            {
                switch (field)
                {
                    case 1: r.Require(field, wire, WireType.LengthDelimited); raw = r.BytesRange(); break;
                    case 2: r.Require(field, wire, WireType.Varint); rawSize = r.Int32(); break;
                    case 3: r.Require(field, wire, WireType.LengthDelimited); zlib = r.BytesRange(); break;
                    case 4 or 5 or 6 or 7:
                        throw Error(Offset + r.Position, $"the {Type} blob uses {Compression(field)}: only raw and zlib_data blobs are supported");
                    default: r.Skip(field, wire); break;
                }
            }
        }
        catch (ProtoException e) { throw Error(Offset + e.Position, $"{Type} Blob: {e.Problem}", e); }
        if (raw is { } plain) return Copy(blob.AsSpan(plain.Start, plain.Length), ref output);
        if (zlib is not { } z) throw Error(Offset, $"the {Type} blob has no data (neither raw nor zlib_data)");
        if (rawSize is not { } size || size < 0 || size > PbfBlobReader.MaxBlobSize)
            throw Error(Offset, $"the {Type} blob's raw_size is {rawSize?.ToString(CultureInfo.InvariantCulture) ?? "missing"}: it must be 0..{PbfBlobReader.MaxBlobSize}");
        return Inflate(new MemoryStream(blob, z.Start, z.Length, writable: false), size, ref output);
    }

    private static int Copy(ReadOnlySpan<byte> data, ref byte[] output)
    {
        if (output.Length < data.Length) output = new byte[Math.Max(data.Length, output.Length * 2)];
        data.CopyTo(output);
        return data.Length;
    }

    private int Inflate(MemoryStream input, int size, ref byte[] output)
    {
        if (output.Length < size) output = new byte[Math.Max(size, output.Length * 2)];
        int got, extra;
        try
        {
            using var inflater = new ZLibStream(input, CompressionMode.Decompress);
            got = inflater.ReadAtLeast(output.AsSpan(0, size), size, throwOnEndOfStream: false);
            Span<byte> one = stackalloc byte[1];
            extra = got == size ? inflater.Read(one) : 0;
        }
        catch (InvalidDataException e) { throw Error(Offset, $"the {Type} blob's zlib_data is corrupt: {e.Message}", e); }
        if (got != size || extra != 0)
            throw Error(Offset, $"the {Type} blob's zlib_data inflates to {(extra != 0 ? "more than " + size : got)} bytes, but raw_size says {size}");
        return size;
    }

    private static string Compression(int field) => field switch
    {
        4 => "lzma_data",
        5 => "bzip2_data (obsolete)",
        6 => "lz4_data",
        _ => "zstd_data",
    };

    private OsmFormatException Error(long offset, string problem, Exception? inner = null) =>
        OsmFormatException.AtOffset(Source, offset, problem, inner);
}
