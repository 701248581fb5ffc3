using System.Collections.Immutable;
using Dala.Geo;

namespace Dala.Fibre.Osm;

/// <summary>A node read into memory, with its own copy of its tags.</summary>
public sealed record OsmNode(long Id, LonLat Position, IReadOnlyDictionary<string, string> Tags);

/// <summary>A way read into memory: its node ids in order and its tags.</summary>
public sealed record OsmWay(long Id, ImmutableArray<long> NodeIds, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// All nodes and ways of a file in memory, in file order: for small files and tests. Large files should be
/// streamed through an <see cref="IOsmHandler"/> instead.
/// </summary>
public sealed class OsmData
{
    private OsmData(ImmutableArray<OsmNode> nodes, ImmutableArray<OsmWay> ways)
    {
        Nodes = nodes;
        Ways = ways;
    }

    public ImmutableArray<OsmNode> Nodes { get; }

    public ImmutableArray<OsmWay> Ways { get; }

    public static OsmData Read(IOsmSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var collector = new Collector();
        source.Read(collector);
        return new OsmData(collector.Nodes.ToImmutable(), collector.Ways.ToImmutable());
    }

    private sealed class Collector : IOsmHandler
    {
        public ImmutableArray<OsmNode>.Builder Nodes { get; } = ImmutableArray.CreateBuilder<OsmNode>();

        public ImmutableArray<OsmWay>.Builder Ways { get; } = ImmutableArray.CreateBuilder<OsmWay>();

        public OsmElements Wants => OsmElements.All;

        public void Node(long id, LonLat position, OsmTags tags) => Nodes.Add(new OsmNode(id, position, tags.ToDictionary()));

        public void Way(long id, ReadOnlySpan<long> nodeIds, OsmTags tags) => Ways.Add(new OsmWay(id, [.. nodeIds], tags.ToDictionary()));
    }
}
