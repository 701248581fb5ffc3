using System.CommandLine;
using System.Globalization;
using Dala.Fibre.Steiner;
using Dala.Fibre.Stp;
using Dala.Registry.Import;

namespace Dala.Cli.Commands;

/// <summary>dala fibre solve|plan — Steiner trees: SteinLib instances, and fibre routes to the backbone.</summary>
public static partial class FibreCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var fibre = new Command("fibre", "Fibre routes: least-cost Steiner trees with a proven lower bound, on SteinLib instances or from settlements to the backbone.");
        fibre.Add(Solve(ctx));
        fibre.Add(Plan(store, ctx));
        return fibre;
    }

    private static Option<double> Seconds(double defaultSeconds) => new("--seconds")
    {
        Description = "Time budget of the solver; it stops earlier when the tree is proven optimal", DefaultValueFactory = _ => defaultSeconds, HelpName = "N",
    };

    private static Option<string?> Work() => new("--work")
    {
        Description = "Deterministic work budget in edge scans (the same seed and budget give the same tree on any machine); " +
                      "without --seconds it is the only limit, with it the run stops at whichever comes first",
        HelpName = "N",
    };

    private static Option<int> Seed() => new("--seed") { Description = "Seed of the randomised multi-start: the same seed gives the same tree", DefaultValueFactory = _ => 1, HelpName = "S" };

    private static Command Solve(CliContext ctx)
    {
        var file = new Argument<string>("FILE.stp") { Description = "A SteinLib STP 1.0 file (undirected; unknown keys such as Optimal are skipped)" };
        var seconds = Seconds(8);
        var seed = Seed();
        var work = Work();
        var cmd = new Command("solve", "Solve a Steiner tree problem; prints 'cost: N' and 'lower_bound: N' (no tree can cost less), the gap, the time and the work spent.")
            { file, seconds, seed, work };
        cmd.SetAction(r =>
        {
            var options = Options(r, seconds, seed, work);
            StpInstance instance;
            try
            {
                instance = StpReader.ReadFile(ctx.FullPath(r.GetValue(file)!));
            }
            catch (StpFormatException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            catch (IOException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            var g = instance.Graph;
            var result = SolveWithProgress(ctx, "solve", options, () => SteinerSolver.Default.Solve(instance.ToProblem(), options));
            ctx.OutText.WriteLine(Invariant($"instance: {Path.GetFileName(r.GetValue(file))} (nodes {g.NodeCount}, edges {g.EdgeCount}, terminals {instance.Terminals.Length})"));
            ctx.OutText.WriteLine(Invariant($"cost: {Units(result.Cost, g.CostScale)}"));
            ctx.OutText.WriteLine(Invariant($"lower_bound: {Units(Math.Min(result.LowerBound, result.Cost), g.CostScale)}"));
            ctx.OutText.WriteLine(Invariant($"gap: {result.Gap * 100:0.000} %{(result.ProvenOptimal ? " (proven optimal)" : "")}"));
            ctx.OutText.WriteLine(Invariant($"edges: {result.Edges.Length}"));
            ctx.OutText.WriteLine(Invariant($"seconds: {result.Elapsed.TotalSeconds:0.000} ({result.Stats.Finish})"));
            ctx.OutText.WriteLine(Invariant($"work: {result.Stats.Work} ({Budget(options)}{(result.Stats.StoppedBy is { } stop ? $"; stopped by {stop}" : "")})"));
            if (result.IsComplete) return ExitCodes.Ok;
            ctx.OutText.WriteLine($"unreachable_terminals: {string.Join(" ", result.Unreachable.Select(t => (t + 1).ToString(CultureInfo.InvariantCulture)))}");
            ctx.Err.MarkupLineInterpolated($"[red]error:[/] {result.Unreachable.Length} terminal(s) lie in another part of the graph than the root and cannot be reached; the cost above is the tree joining the others");
            return ExitCodes.Rejected;
        });
        return cmd;
    }

    /// <summary>
    /// The solver budget: --seconds alone (its default when neither is given), --work alone (no clock: the run is
    /// reproducible), or both (whichever runs out first).
    /// </summary>
    private static SteinerOptions Options(ParseResult r, Option<double> secondsOption, Option<int> seed, Option<string?> workOption)
    {
        var seconds = r.GetValue(secondsOption);
        if (!(seconds > 0) || !double.IsFinite(seconds)) throw new CliException("--seconds must be a positive number");
        var work = WorkUnits(r.GetValue(workOption));
        var timed = work is null || r.GetResult(secondsOption) is { Implicit: false };
        return SteinerOptions.Default with { TimeLimit = timed ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue, WorkLimit = work, Seed = r.GetValue(seed) };
    }

    private static long? WorkUnits(string? text)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        throw new CliException($"--work: '{text}' is not a whole number of work units above 0", ExitCodes.Rejected);
    }

    private static string Budget(SteinerOptions options) => Dala.Fibre.Planning.FibrePlanExport.Budget(options);

    /// <summary>Runs a solve, showing the share of the time budget spent on an interactive terminal.</summary>
    private static T SolveWithProgress<T>(CliContext ctx, string title, SteinerOptions options, Func<T> work) =>
        ProgressDisplay.Run(ctx, title, progress =>
        {
            if (progress is null || options.TimeLimit == TimeSpan.MaxValue) return work(); // a work budget has no clock to show
            var task = Task.Run(work);
            var started = DateTime.UtcNow;
            var budget = (long)options.TimeLimit.TotalMilliseconds;
            while (!task.Wait(100)) progress.Report(new ImportProgress("searching (stops early on a proof)", Math.Min(budget, (long)(DateTime.UtcNow - started).TotalMilliseconds), budget));
            return task.GetAwaiter().GetResult();
        });

    private static string Units(long cost, double scale) =>
        scale == 1 ? cost.ToString(CultureInfo.InvariantCulture) : (cost / scale).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
