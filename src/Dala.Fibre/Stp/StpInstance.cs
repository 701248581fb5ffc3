using System.Collections.Immutable;
using Dala.Fibre.Graphs;
using Dala.Fibre.Steiner;

namespace Dala.Fibre.Stp;

/// <summary>A key and value of the STP Comment section (Name, Creator, Remark, Problem, ...).</summary>
public readonly record struct StpField(string Key, string Value);

/// <summary>
/// A Steiner problem as read from (or written to) an STP file. Node ids are 0-based here (the file is 1-based);
/// <see cref="Root"/> is the optional <c>Root</c> of the Terminals section, which is also one of the terminals.
/// </summary>
public sealed record StpInstance(Graph Graph, ImmutableArray<int> Terminals, ImmutableArray<StpField> Comment, int? Root = null)
{
    public string Name => Comment.FirstOrDefault(f => f.Key.Equals("Name", StringComparison.OrdinalIgnoreCase)).Value ?? "";

    public SteinerProblem ToProblem() => new(Graph, Terminals);
}
