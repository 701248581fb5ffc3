namespace Dala.Fibre.Steiner;

/// <summary>
/// How hard to try. The answer is deterministic for a given <see cref="Seed"/> as long as the run stops on a
/// proof (cost = lower bound), on <see cref="MaxStarts"/> or on <see cref="StallStarts"/>; a run cut by
/// <see cref="TimeLimit"/> depends on the machine's speed; a run cut by <see cref="WorkLimit"/> does not (set
/// <see cref="TimeLimit"/> to <see cref="TimeSpan.MaxValue"/> for a work budget alone).
/// </summary>
public sealed record SteinerOptions
{
    public static SteinerOptions Default { get; } = new();

    /// <summary>Wall-clock budget of the whole solve (8 s keeps every SteinLib B/C/D instance under 10 s).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Measure <see cref="TimeLimit"/> in CPU time of this process instead of wall-clock time, so that a run on a
    /// busy machine gets the same share of work as on a quiet one (for benchmarks: one solve at a time).
    /// </summary>
    public bool CpuTime { get; init; }

    /// <summary>
    /// Deterministic work budget in edge scans (each dual ascent, construction, local-search move and reduction test
    /// charges the edge count of the graph it walks); null for none. With a time limit too, whichever runs out first.
    /// </summary>
    public long? WorkLimit { get; init; }

    /// <summary>Seed of the randomised multi-start (perturbed weights, root order).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Most constructions (each followed by local search) in the multi-start phase.</summary>
    public int MaxStarts { get; init; } = 100_000;

    /// <summary>Stop after this many starts in a row that do not improve the best tree.</summary>
    public int StallStarts { get; init; } = 2_000;

    /// <summary>Apply the reduction tests (degree, nearest vertex, special distance, bound-based).</summary>
    public bool Reduce { get; init; } = true;

    /// <summary>Solve exactly (Dreyfus–Wagner) when the reduced instance is this small: 3^t · n at most.</summary>
    public double ExactWorkLimit { get; init; } = 3e8;
}
