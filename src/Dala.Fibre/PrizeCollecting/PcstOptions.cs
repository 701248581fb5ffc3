namespace Dala.Fibre.PrizeCollecting;

/// <summary>How hard the prize-collecting solver tries.</summary>
public sealed record PcstOptions
{
    public static PcstOptions Default { get; } = new();

    /// <summary>Prize scalings of the growth constructions (each pruned at the true prizes).</summary>
    public IReadOnlyList<double> Scales { get; init; } = [1, 1.25, 1.6, 2.2, 3.5];

    /// <summary>
    /// Re-solve the final terminal set with the Steiner solver (reductions, local search) for this many multi-start
    /// constructions; zero for none. A count, not a time, so that the answer does not depend on the machine's speed.
    /// </summary>
    public int PolishStarts { get; init; } = 20;

    /// <summary>A safety limit on one polish (it normally ends on <see cref="PolishStarts"/> or a proof long before).</summary>
    public TimeSpan PolishTimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Compute the dual-ascent lower bound.</summary>
    public bool Bound { get; init; } = true;

    public int Seed { get; init; } = 1;
}
