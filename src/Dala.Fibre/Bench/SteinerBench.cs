using System.Diagnostics;
using Dala.Fibre.Steiner;
using Dala.Fibre.Stp;

namespace Dala.Fibre.Bench;

/// <summary>Solves STP files with a time budget and a seed, one by one or a whole folder, for the results table.</summary>
public static class SteinerBench
{
    /// <summary>Reads and solves one STP file; the seconds count reading and solving.</summary>
    public static BenchRow SolveFile(string path, double seconds = 8, int seed = 1, long? optimum = null)
    {
        if (!(seconds > 0)) throw new ArgumentOutOfRangeException(nameof(seconds), "the budget must be positive");
        var watch = Stopwatch.StartNew();
        var stp = StpReader.ReadFile(path);
        var options = new SteinerOptions { TimeLimit = TimeSpan.FromSeconds(seconds), Seed = seed };
        var result = SteinerSolver.Default.Solve(stp.ToProblem(), options).EnsureComplete();
        var g = stp.Graph;
        return new BenchRow(Path.GetFileName(path), g.NodeCount, g.EdgeCount, stp.Terminals.Length, optimum,
            result.Cost, result.LowerBound, watch.Elapsed.TotalSeconds, result.Stats.Finish);
    }

    /// <summary>Every *.stp of a folder in name order, with optima from <paramref name="optimaCsv"/> when given.</summary>
    public static IReadOnlyList<BenchRow> RunFolder(string folder, string? optimaCsv = null, double seconds = 8, int seed = 1, Action<BenchRow>? progress = null)
    {
        var optima = optimaCsv is null ? new Dictionary<string, long>() : Optima.Read(optimaCsv);
        var rows = new List<BenchRow>();
        foreach (var file in Directory.GetFiles(folder, "*.stp").Order(StringComparer.Ordinal))
        {
            var row = SolveFile(file, seconds, seed, optima.TryGetValue(Path.GetFileName(file), out var opt) ? opt : null);
            rows.Add(row);
            progress?.Invoke(row);
        }
        return rows;
    }
}
