using System.Diagnostics;
using Dala.Fibre.Steiner;
using Dala.Fibre.Stp;

namespace Dala.Fibre.Bench;

/// <summary>Solves STP files with a time or work budget and a seed, one by one or a whole folder, for the results table.</summary>
public static class SteinerBench
{
    /// <summary>
    /// Reads and solves one STP file; the seconds count reading and solving. The budget is
    /// <paramref name="seconds"/> (8 when neither is given; CPU seconds of this process with <paramref name="cpu"/>),
    /// <paramref name="work"/> units (reproducible), or both.
    /// </summary>
    public static BenchRow SolveFile(string path, double? seconds = null, int seed = 1, long? optimum = null, long? work = null, bool cpu = false)
    {
        var options = Options(seconds, seed, work, cpu);
        var watch = Stopwatch.StartNew();
        var cpu0 = Environment.CpuUsage.TotalTime;
        var stp = StpReader.ReadFile(path);
        var result = SteinerSolver.Default.Solve(stp.ToProblem(), options).EnsureComplete();
        var g = stp.Graph;
        return new BenchRow(Path.GetFileName(path), g.NodeCount, g.EdgeCount, stp.Terminals.Length, optimum,
            result.Cost, result.LowerBound, watch.Elapsed.TotalSeconds, result.Stats.Finish)
        {
            Work = result.Stats.Work, StoppedBy = result.Stats.StoppedBy, CpuSeconds = (Environment.CpuUsage.TotalTime - cpu0).TotalSeconds,
        };
    }

    /// <summary>The solver options of a bench budget (see <see cref="SolveFile"/>).</summary>
    public static SteinerOptions Options(double? seconds, int seed, long? work, bool cpu = false)
    {
        if (seconds is { } s && !(s > 0 && double.IsFinite(s))) throw new ArgumentOutOfRangeException(nameof(seconds), "the budget must be positive");
        if (work is <= 0) throw new ArgumentOutOfRangeException(nameof(work), "the work budget must be positive");
        var time = seconds is { } t ? TimeSpan.FromSeconds(t) : work is null ? TimeSpan.FromSeconds(8) : TimeSpan.MaxValue;
        return new SteinerOptions { TimeLimit = time, WorkLimit = work, Seed = seed, CpuTime = cpu && time != TimeSpan.MaxValue };
    }

    /// <summary>Every *.stp of a folder in name order, with optima from <paramref name="optimaCsv"/> when given.</summary>
    public static IReadOnlyList<BenchRow> RunFolder(string folder, string? optimaCsv = null, double? seconds = null, int seed = 1, Action<BenchRow>? progress = null, long? work = null, bool cpu = false)
    {
        var optima = optimaCsv is null ? new Dictionary<string, long>() : Optima.Read(optimaCsv);
        var rows = new List<BenchRow>();
        foreach (var file in Directory.GetFiles(folder, "*.stp").Order(StringComparer.Ordinal))
        {
            var row = SolveFile(file, seconds, seed, optima.TryGetValue(Path.GetFileName(file), out var opt) ? opt : null, work, cpu);
            rows.Add(row);
            progress?.Invoke(row);
        }
        return rows;
    }
}
