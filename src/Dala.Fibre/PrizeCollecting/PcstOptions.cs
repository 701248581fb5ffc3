namespace Dala.Fibre.PrizeCollecting;

/// <summary>How hard the prize-collecting solver tries.</summary>
public sealed record PcstOptions
{
    public static PcstOptions Default { get; } = new();

    /// <summary>Prize scalings of the growth constructions (each pruned at the true prizes).</summary>
    public IReadOnlyList<double> Scales { get; init; } = [1, 1.25, 1.6, 2.2, 3.5];

    /// <summary>Re-solve the final terminal set with the Steiner solver (reductions, local search) for this long; zero for none.</summary>
    public TimeSpan SteinerPolish { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Compute the dual-ascent lower bound.</summary>
    public bool Bound { get; init; } = true;

    public int Seed { get; init; } = 1;
}
