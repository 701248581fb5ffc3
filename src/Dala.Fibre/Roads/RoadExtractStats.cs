namespace Dala.Fibre.Roads;

/// <summary>What to do when a selected way references a node that is not in the file (common at the edge of an extract).</summary>
public enum MissingNodePolicy
{
    /// <summary>Split the way at each missing node, keep the pieces of 2+ nodes, and count what was lost.</summary>
    Split,

    /// <summary>Throw an <see cref="InvalidDataException"/> naming the way and the node.</summary>
    Throw,
}

/// <summary>Counts from a road extraction.</summary>
/// <param name="WaysRead">Every way in the file.</param>
/// <param name="WaysSelected">Ways of a selected class with at least 2 distinct nodes.</param>
/// <param name="WaysDropped">Ways of a selected class left out: fewer than 2 distinct nodes, or no piece of 2 found nodes.</param>
/// <param name="Pieces">Lines kept (a way split at missing nodes gives several).</param>
/// <param name="MissingNodeRefs">References from selected ways to nodes the file does not have.</param>
/// <param name="WaysWithMissingNodes">Selected ways with at least one such reference.</param>
public readonly record struct RoadExtractStats(
    int WaysRead, int WaysSelected, int WaysDropped, int Pieces, int MissingNodeRefs, int WaysWithMissingNodes);
