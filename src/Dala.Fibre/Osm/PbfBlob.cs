namespace Dala.Fibre.Osm;

/// <summary>
/// One fileblock: its BlobHeader type, the file offset where it starts (its 4-byte length prefix) and its
/// uncompressed data in <see cref="Buffer"/>[0..Length] (a buffer the framing reader reuses for the next block).
/// </summary>
internal readonly record struct PbfBlob(string Type, long Offset, byte[] Buffer, int Length)
{
    public ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);
}
