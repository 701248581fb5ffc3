using System.Collections.Immutable;
using Dala.Fibre.Graphs;
using Dala.Geo;

namespace Dala.Fibre.Roads;

/// <summary>
/// Point <see cref="Point"/> as graph node <see cref="Node"/>, joined to road vertex <see cref="RoadNode"/> (its
/// nearest: a junction, or a split vertex inside a road edge; <see cref="Km"/> away) by connector edge
/// <see cref="Edge"/>; Edge is -1 when the point was beyond the snapping limit.
/// </summary>
public readonly record struct SnapConnector(int Point, int Node, int RoadNode, double Km, int Edge)
{
    public bool Connected => Edge >= 0;
}

/// <summary>The road graph with snapped points added (see <see cref="RoadSnapper.Snap"/>).</summary>
public sealed class SnapResult
{
    private readonly SnapPieces _pieces;

    internal SnapResult(RoadNetwork network, SnapPieces pieces, ImmutableArray<SnapConnector> connectors)
    {
        Network = network;
        _pieces = pieces;
        Connectors = connectors;
    }

    public RoadNetwork Network { get; }

    /// <summary>Road edges (split where points join them), connectors and further pieces; add more before <see cref="GraphBuilder.Build"/>.</summary>
    public GraphBuilder Builder => _pieces.Builder;

    /// <summary>One per point, in point order.</summary>
    public ImmutableArray<SnapConnector> Connectors { get; }

    /// <summary>The graph node of point <paramref name="point"/>.</summary>
    public int NodeOf(int point) => Connectors[point].Node;

    public double ConnectorKm => Connectors.Sum(c => c.Connected ? c.Km : 0);

    /// <summary>The length of an edge added by the snap (a road stretch or a connector).</summary>
    public double Km(int edge) => _pieces.Km(Checked(edge));

    /// <summary>How an edge is built: its road's cost class, or <see cref="CostClass.Connector"/>.</summary>
    public CostClass Class(int edge) => _pieces.Class(Checked(edge));

    /// <summary>
    /// The polyline of an edge of <see cref="Builder"/>, from its first end to its second: a road stretch's
    /// geometry, or a connector's straight segment from the point to its road vertex.
    /// </summary>
    public LonLat[] Geometry(int edge) => _pieces.Geometry(Checked(edge), Position);

    private LonLat Position(int node) => Builder.Coordinate(node) is { } c ? new LonLat(c.X, c.Y) : Network.Position(node);

    private int Checked(int edge) =>
        (uint)edge < (uint)_pieces.Count ? edge : throw new ArgumentOutOfRangeException(nameof(edge), $"edge {edge} is neither a road edge nor a connector");
}
