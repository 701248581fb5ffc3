namespace Dala.Fibre.Bench;

/// <summary>One instance of a benchmark run: its size, the known optimum (if any), our tree, bound and time.</summary>
public sealed record BenchRow(
    string Instance,
    int Nodes,
    int Edges,
    int Terminals,
    long? Optimum,
    long Cost,
    long LowerBound,
    double Seconds,
    string Finish)
{
    /// <summary>Solver work units spent; which budget ("time", "work") stopped the run, null when none did.</summary>
    public long Work { get; init; }

    public string? StoppedBy { get; init; }

    /// <summary>CPU seconds the process spent on reading and solving (the wall-clock ones are <see cref="Seconds"/>).</summary>
    public double CpuSeconds { get; init; }

    /// <summary>How far our tree is above the known optimum, in percent (null when no optimum is known).</summary>
    public double? GapPercent => Optimum switch
    {
        null => null,
        0 => Cost == 0 ? 0 : null,
        { } opt => 100.0 * (Cost - opt) / opt,
    };

    /// <summary>How far our tree is above our own lower bound, in percent.</summary>
    public double BoundGapPercent => Cost == 0 ? 0 : 100.0 * (Cost - LowerBound) / Cost;

    /// <summary>True when our lower bound exceeds the known optimum: that would be a bug.</summary>
    public bool BoundAboveOptimum => Optimum is { } opt && LowerBound > opt;
}
