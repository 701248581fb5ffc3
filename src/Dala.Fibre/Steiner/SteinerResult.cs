using System.Collections.Immutable;

namespace Dala.Fibre.Steiner;

/// <summary>
/// A Steiner tree (edge ids of the problem's graph) with its cost and a proven lower bound on the optimum.
/// Terminals that cannot be reached from the root are listed in <see cref="Unreachable"/>; the tree then
/// connects the others.
/// </summary>
public sealed record SteinerResult(
    ImmutableArray<int> Edges,
    long Cost,
    long LowerBound,
    ImmutableArray<int> Unreachable,
    TimeSpan Elapsed,
    SteinerStats Stats)
{
    /// <summary>(cost - lower bound) / cost: 0 when the tree is proven optimal.</summary>
    public double Gap => Cost == 0 ? 0 : (double)(Cost - LowerBound) / Cost;

    public bool ProvenOptimal => LowerBound >= Cost;

    public bool IsComplete => Unreachable.IsEmpty;

    /// <summary>This result, or <see cref="UnreachableTerminalsException"/> when some terminals were not reached.</summary>
    public SteinerResult EnsureComplete() => IsComplete ? this : throw new UnreachableTerminalsException(Unreachable);
}

/// <summary>
/// What the solver did: the size after reduction, the constructions tried and how it finished; the work units spent
/// and which budget ("time" or "work") ran out, null when none did.
/// </summary>
public sealed record SteinerStats(int ReducedNodes, int ReducedEdges, int ReducedTerminals, int Starts, string Finish)
{
    public long Work { get; init; }

    public string? StoppedBy { get; init; }
}

/// <summary>Some terminals lie in another connected component than the root.</summary>
public sealed class UnreachableTerminalsException(IReadOnlyList<int> terminals)
    : InvalidOperationException($"{terminals.Count} terminal(s) cannot be reached from the root: {string.Join(", ", terminals.Take(20))}{(terminals.Count > 20 ? ", ..." : "")}")
{
    public IReadOnlyList<int> Terminals { get; } = terminals;
}
