namespace Dala.Fibre.Steiner;

/// <summary>Solves a Steiner problem: the extension point for other solvers (an exact one, a remote one).</summary>
public interface ISteinerSolver
{
    SteinerResult Solve(SteinerProblem problem, SteinerOptions options);
}

/// <summary>
/// The default solver: reductions, Wong's dual ascent (lower bound and bound-based elimination), constructions
/// (shortest path heuristic, Voronoi MST, dual-ascent guided) with local search, exact Dreyfus–Wagner when the
/// reduced instance has few terminals, and a seeded multi-start until the bound is met or the budget is spent.
/// </summary>
public sealed class SteinerSolver : ISteinerSolver
{
    public static SteinerSolver Default { get; } = new();

    public SteinerResult Solve(SteinerProblem problem, SteinerOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        return new Pipeline(problem, options).Run();
    }

    public static SteinerResult Solve(SteinerProblem problem) => Default.Solve(problem, SteinerOptions.Default);
}
