using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>
/// The selected lines of an OSM file, resolved to coordinates: a node table (OSM ids ascending, with positions)
/// and the lines ("pieces": whole ways, or parts of ways split at missing nodes) as runs of node indexes.
/// </summary>
public sealed class RoadWays
{
    private readonly long[] _nodeIds;
    private readonly LonLat[] _positions;
    private readonly int[] _start;
    private readonly int[] _nodes;
    private readonly RoadClass[] _classes;
    private readonly long[] _wayIds;

    internal RoadWays(string source, long[] nodeIds, LonLat[] positions, int[] start, int[] nodes, RoadClass[] classes, long[] wayIds, RoadExtractStats stats)
    {
        Source = source;
        (_nodeIds, _positions, _start, _nodes, _classes, _wayIds) = (nodeIds, positions, start, nodes, classes, wayIds);
        Stats = stats;
    }

    public string Source { get; }

    public RoadExtractStats Stats { get; }

    public int NodeCount => _nodeIds.Length;

    public int PieceCount => _classes.Length;

    public long NodeId(int node) => _nodeIds[node];

    public LonLat Position(int node) => _positions[node];

    /// <summary>The OSM id of the way a piece comes from.</summary>
    public long WayId(int piece) => _wayIds[piece];

    public RoadClass Class(int piece) => _classes[piece];

    /// <summary>The node indexes of a piece, in way order (no two consecutive ones equal).</summary>
    public ReadOnlySpan<int> Nodes(int piece) => _nodes.AsSpan(_start[piece], _start[piece + 1] - _start[piece]);
}
