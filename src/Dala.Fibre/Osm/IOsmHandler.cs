using Dala.Geo;

namespace Dala.Fibre.Osm;

/// <summary>Which elements a handler wants; readers skip the others without decoding them where the format allows.</summary>
[Flags]
public enum OsmElements
{
    None = 0,
    Nodes = 1,
    Ways = 2,
    All = Nodes | Ways,
}

/// <summary>
/// Receives the elements of an OSM file as a reader streams through it, in file order. The spans and tags are
/// views over reused buffers, valid only during the call. Relations are never reported.
/// </summary>
public interface IOsmHandler
{
    OsmElements Wants { get; }

    void Node(long id, LonLat position, OsmTags tags);

    void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags);
}

/// <summary>An OSM file that can be read (streamed) any number of times, each time from its start.</summary>
public interface IOsmSource
{
    /// <summary>The name used in error messages (normally the file name).</summary>
    string Name { get; }

    void Read(IOsmHandler handler);
}
