namespace Dala.Fibre.Osm;

/// <summary>
/// An OSM PBF file (.osm.pbf), streamed block by block: only one block is in memory at a time. Blocks of unknown
/// types are skipped, as the format asks; the OSMHeader block must come before the first OSMData block.
/// </summary>
public sealed class OsmPbfReader(Func<Stream> open, string name) : IOsmSource
{
    public OsmPbfReader(string path)
        : this(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), System.IO.Path.GetFileName(path))
    {
    }

    public string Name { get; } = name;

    public void Read(IOsmHandler handler)
    {
        using var stream = open();
        Read(stream, Name, handler);
    }

    /// <summary>Streams one file through <paramref name="handler"/>; <paramref name="name"/> is used in error messages.</summary>
    public static void Read(Stream stream, string name, IOsmHandler handler)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        var blobs = new PbfBlobReader(stream, name);
        var decoder = new PbfBlockDecoder(name);
        var header = false;
        while (blobs.Next(out var blob))
        {
            if (blob.Type == "OSMHeader")
            {
                PbfHeaderBlock.Check(blob, name);
                header = true;
            }
            else if (blob.Type == "OSMData")
            {
                if (!header) throw OsmFormatException.AtOffset(name, blob.Offset, "an OSMData block before the OSMHeader block");
                decoder.Decode(blob, handler);
            }
        }
        if (!header) throw OsmFormatException.AtOffset(name, 0, "no OSMHeader block: not an OSM PBF file");
    }
}
