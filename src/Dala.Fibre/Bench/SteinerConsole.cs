using System.Globalization;
using Dala.Fibre.Stp;

namespace Dala.Fibre.Bench;

/// <summary>
/// The command-line entry a host (dala CLI) can hand its arguments to:
/// <c>FILE.stp|FOLDER [--seconds S | --cpu-seconds S] [--work N] [--seed N] [--optima optima.csv]</c>. A file prints its tree's cost, bound,
/// gap and time; a folder prints the results table. Returns the process exit code.
/// </summary>
public static class SteinerConsole
{
    public const string Usage = "usage: steiner FILE.stp|FOLDER [--seconds S | --cpu-seconds S] [--work N] [--seed N] [--optima optima.csv]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var (target, seconds, seed, optima, work, cpu) = Parse(args);
            if (Directory.Exists(target))
            {
                optima ??= File.Exists(Path.Combine(target, "..", "optima.csv")) ? Path.Combine(target, "..", "optima.csv") : null;
                ResultsTable.Write(SteinerBench.RunFolder(target, optima, seconds, seed, work: work, cpu: cpu), output);
                return 0;
            }
            if (!File.Exists(target)) throw new ArgumentException($"no such file or folder: {target}");
            var known = optima is null ? null : Optima.Read(optima).TryGetValue(Path.GetFileName(target), out var o) ? o : (long?)null;
            var row = SteinerBench.SolveFile(target, seconds, seed, known, work, cpu);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Instance}: cost {row.Cost}, lower bound {row.LowerBound}, gap {row.BoundGapPercent:0.00} %{(row.GapPercent is { } g ? $", {g:0.00} % above the optimum {row.Optimum}" : "")}, {row.Seconds:0.00} s ({row.CpuSeconds:0.00} CPU s, {row.Finish}), work {row.Work}{(row.StoppedBy is { } stop ? $" (stopped by {stop})" : "")}"));
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or Steiner.UnreachableTerminalsException)
        {
            error.WriteLine(e is StpFormatException ? e.Message : $"steiner: {e.Message}");
            if (e is ArgumentException) error.WriteLine(Usage);
            return 2;
        }
    }

    private static (string Target, double? Seconds, int Seed, string? Optima, long? Work, bool Cpu) Parse(IReadOnlyList<string> args)
    {
        string? target = null, optima = null;
        double? seconds = null;
        long? work = null;
        var seed = 1;
        var cpu = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seconds" or "--cpu-seconds":
                    if (seconds is not null) throw new ArgumentException("give --seconds or --cpu-seconds, once");
                    cpu = args[i] == "--cpu-seconds";
                    seconds = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : throw new ArgumentException($"{args[i - 1]} needs a positive number");
                    break;
                case "--work":
                    work = long.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : throw new ArgumentException("--work needs a whole number above 0");
                    break;
                case "--seed":
                    seed = int.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException("--seed needs a whole number");
                    break;
                case "--optima":
                    optima = Value();
                    break;
                default:
                    if (target is not null || args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
                    target = args[i];
                    break;
            }
        }
        return (target ?? throw new ArgumentException("no STP file or folder given"), seconds, seed, optima, work, cpu);
    }
}
