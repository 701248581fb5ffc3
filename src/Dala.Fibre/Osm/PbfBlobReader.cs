using System.Buffers.Binary;

namespace Dala.Fibre.Osm;

/// <summary>
/// The PBF framing: a sequence of [4-byte big-endian BlobHeader length][BlobHeader][Blob], read one block at a
/// time from a stream (which need not be seekable). Blobs are raw or zlib; any other compression is refused.
/// The spec's limits apply: a BlobHeader under 64 KiB, a Blob and its uncompressed data at most 32 MiB.
/// </summary>
internal sealed class PbfBlobReader(Stream stream, string source)
{
    public const int MaxHeaderSize = 64 * 1024;
    public const int MaxBlobSize = 32 * 1024 * 1024;

    private readonly byte[] _prefix = new byte[4];
    private byte[] _header = new byte[256];
    private byte[] _blob = new byte[64 * 1024];
    private byte[] _data = new byte[64 * 1024];
    private long _offset;

    /// <summary>Reads the next block; false at a clean end of file.</summary>
    public bool Next(out PbfBlob block)
    {
        block = default;
        var start = _offset;
        var got = Fill(_prefix, 4);
        if (got == 0) return false;
        if (got < 4) throw Error(start, $"truncated file: {got} of the 4 bytes of a BlobHeader length");
        var headerSize = BinaryPrimitives.ReadInt32BigEndian(_prefix);
        if (headerSize is <= 0 or >= MaxHeaderSize) throw Error(start, $"BlobHeader length {headerSize} is outside 1..{MaxHeaderSize - 1}");
        var (type, dataSize) = ReadHeader(headerSize);
        var blobStart = _offset;
        if (dataSize is < 0 or > MaxBlobSize) throw Error(blobStart, $"Blob size {dataSize} is outside 0..{MaxBlobSize}");
        if (_blob.Length < dataSize) _blob = new byte[Math.Max(dataSize, _blob.Length * 2)];
        got = Fill(_blob, dataSize);
        if (got < dataSize) throw Error(blobStart, $"truncated blob: the {type} blob has {dataSize} bytes but the file ends after {got}");
        var length = new PbfBlobDecoder(source, type, blobStart).Decode(_blob, dataSize, ref _data);
        block = new PbfBlob(type, start, _data, length);
        return true;
    }

    private (string Type, int DataSize) ReadHeader(int size)
    {
        var at = _offset;
        if (_header.Length < size) _header = new byte[size];
        var got = Fill(_header, size);
        if (got < size) throw Error(at, $"truncated BlobHeader: {size} bytes declared, the file ends after {got}");
        string? type = null;
        int? dataSize = null;
        try
        {
            var r = new ProtoReader(_header.AsSpan(0, size));
            while (r.Next(out var field, out var wire))
            {
                if (field == 1 && wire == WireType.LengthDelimited) type = r.String();
                else if (field == 3 && wire == WireType.Varint) dataSize = r.Int32();
                else r.Skip(field, wire);
            }
        }
        catch (ProtoException e) { throw Error(at + e.Position, "BlobHeader: " + e.Problem, e); }
        if (type is null) throw Error(at, "BlobHeader without a type");
        if (dataSize is not { } d) throw Error(at, $"BlobHeader ({type}) without a datasize");
        return (type, d);
    }

    private int Fill(byte[] buffer, int count)
    {
        var got = stream.ReadAtLeast(buffer.AsSpan(0, count), count, throwOnEndOfStream: false);
        _offset += got;
        return got;
    }

    private OsmFormatException Error(long offset, string problem, Exception? inner = null) =>
        OsmFormatException.AtOffset(source, offset, problem, inner);
}
