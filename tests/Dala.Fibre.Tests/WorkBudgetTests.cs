using Dala.Fibre.Bench;
using Dala.Fibre.Steiner;
using Dala.Fibre.Stp;

namespace Dala.Fibre.Tests;

/// <summary>
/// The deterministic work budget: the same seed and budget give the same tree whatever the machine's load; the
/// spend is reported and overshoots the budget by at most one step (one walk of the input graph: |E| units).
/// </summary>
[Collection("SteinLib")]
public sealed class WorkBudgetTests(ITestOutputHelper output)
{
    private const string Instance = "c18.stp";

    private static readonly StpInstance Stp = StpReader.ReadFile(Path.Combine(SteinLib.Folder("C"), Instance));

    private static long Edges => Stp.Graph.EdgeCount;

    private static SteinerResult Solve(long work, int seed = 7) =>
        SteinerSolver.Default.Solve(Stp.ToProblem(), new SteinerOptions { TimeLimit = TimeSpan.MaxValue, WorkLimit = work, Seed = seed });

    [Fact]
    public void The_same_seed_and_work_budget_give_the_same_tree_even_while_another_thread_burns_the_CPU()
    {
        var budget = 60 * Edges;
        var quiet = Solve(budget);
        SteinerResult busy;
        using (var burn = new CpuBurner(Math.Max(2, Environment.ProcessorCount)))
        {
            busy = Solve(budget);
            Assert.True(burn.Spins > 0, "the busy loop ran while solving");
        }
        output.WriteLine($"{Instance}: cost {quiet.Cost}, work {quiet.Stats.Work} of {budget}, {quiet.Elapsed.TotalSeconds:0.00} s quiet, {busy.Elapsed.TotalSeconds:0.00} s busy");
        Assert.Equal("work", quiet.Stats.StoppedBy);
        Assert.Equal(quiet.Cost, busy.Cost);
        Assert.Equal(quiet.LowerBound, busy.LowerBound);
        Assert.Equal(quiet.Edges.Order().ToArray(), busy.Edges.Order().ToArray());
        Assert.Equal(quiet.Stats.Work, busy.Stats.Work);
        Assert.Equal(quiet.Stats.Starts, busy.Stats.Starts);
        Assert.Equal(quiet.Stats.StoppedBy, busy.Stats.StoppedBy);
    }

    [Fact]
    public void Two_work_runs_on_a_dense_D_instance_give_the_same_cost_and_tree_through_recombinations_and_epochs()
    {
        var d19 = StpReader.ReadFile(Path.Combine(SteinLib.Folder("D"), "d19.stp"));
        var options = new SteinerOptions { TimeLimit = TimeSpan.MaxValue, WorkLimit = 3_000_000, Seed = 1 };
        var first = SteinerSolver.Default.Solve(d19.ToProblem(), options);
        var second = SteinerSolver.Default.Solve(d19.ToProblem(), options);
        output.WriteLine($"d19: cost {first.Cost}, bound {first.LowerBound}, starts {first.Stats.Starts}, work {first.Stats.Work}");
        Assert.Equal("work", first.Stats.StoppedBy);
        Assert.True(first.Stats.Starts > 25, $"only {first.Stats.Starts} starts: no recombination or epoch was reached");
        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(first.Edges.Order().ToArray(), second.Edges.Order().ToArray());
        Assert.Equal(first.Stats.Work, second.Stats.Work);
        Assert.InRange(first.LowerBound, 0, SteinLib.Optima["d19.stp"]);
        Assert.True(first.Cost >= SteinLib.Optima["d19.stp"]);
    }

    [Fact]
    public void A_CPU_time_budget_is_named_when_it_runs_out()
    {
        var timed = SteinerSolver.Default.Solve(Stp.ToProblem(), new SteinerOptions { TimeLimit = TimeSpan.FromTicks(1), CpuTime = true });
        Assert.Equal("time", timed.Stats.StoppedBy);
        Assert.True(timed.IsComplete);
        Assert.Equal(timed.Cost, timed.Edges.Sum(e => Stp.Graph.Edge(e).Cost));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(200)]
    public void The_work_spent_is_reported_and_overshoots_the_budget_by_at_most_one_step(int walks)
    {
        var budget = walks * Edges;
        var r = Solve(budget);
        output.WriteLine($"budget {budget}: spent {r.Stats.Work}, cost {r.Cost}, finish {r.Stats.Finish}, stopped by {r.Stats.StoppedBy}");
        Assert.Equal("work", r.Stats.StoppedBy);
        Assert.InRange(r.Stats.Work, budget, budget + Edges);
        Assert.True(r.IsComplete);
        Assert.True(r.LowerBound <= SteinLib.Optima[Instance], $"bound {r.LowerBound} above the optimum");
        Assert.True(r.Cost >= SteinLib.Optima[Instance]);
    }

    [Fact]
    public void A_different_budget_or_seed_is_its_own_run_and_still_a_valid_tree()
    {
        var small = Solve(20 * Edges);
        var large = Solve(400 * Edges);
        var other = Solve(20 * Edges, seed: 8);
        Assert.True(large.Stats.Work > small.Stats.Work);
        foreach (var r in new[] { small, large, other })
        {
            Assert.True(r.IsComplete);
            Assert.Equal(r.Cost, r.Edges.Sum(e => Stp.Graph.Edge(e).Cost));
            Assert.InRange(r.LowerBound, 0, SteinLib.Optima[Instance]);
        }
    }

    [Fact]
    public void A_run_that_ends_on_its_own_names_no_budget_and_a_clock_that_runs_out_first_is_named()
    {
        var b01 = StpReader.ReadFile(Path.Combine(SteinLib.Folder("B"), "b01.stp"));
        var proven = SteinerSolver.Default.Solve(b01.ToProblem(), new SteinerOptions { TimeLimit = TimeSpan.MaxValue, WorkLimit = long.MaxValue / 2 });
        Assert.True(proven.ProvenOptimal);
        Assert.Null(proven.Stats.StoppedBy);
        Assert.True(proven.Stats.Work > 0);
        var timed = SteinerSolver.Default.Solve(Stp.ToProblem(), new SteinerOptions { TimeLimit = TimeSpan.FromTicks(1), WorkLimit = long.MaxValue / 2 });
        Assert.Equal("time", timed.Stats.StoppedBy);
        Assert.True(timed.IsComplete);
    }

    [Fact]
    public void The_bench_takes_a_work_budget_and_refuses_a_bad_one()
    {
        var file = Path.Combine(SteinLib.Folder("C"), "c18.stp");
        var row = SteinerBench.SolveFile(file, seed: 7, work: 60 * Edges);
        Assert.Equal(Solve(60 * Edges).Cost, row.Cost);
        Assert.Equal("work", row.StoppedBy);
        foreach (var bad in new[] { "0", "-5", "lots" })
        {
            var error = new StringWriter();
            Assert.Equal(2, SteinerConsole.Run([file, "--work", bad], new StringWriter(), error));
            Assert.Contains("--work needs a whole number above 0", error.ToString(), StringComparison.Ordinal);
        }
    }

    /// <summary>Busy loops on background threads, to perturb the solver's timing.</summary>
    private sealed class CpuBurner : IDisposable
    {
        private readonly Thread[] _threads;
        private volatile bool _stop;
        private long _spins;

        public CpuBurner(int threads)
        {
            _threads = [.. Enumerable.Range(0, threads).Select(_ => new Thread(Burn) { IsBackground = true })];
            foreach (var t in _threads) t.Start();
        }

        public long Spins => Interlocked.Read(ref _spins);

        private void Burn()
        {
            var x = 1.0;
            while (!_stop)
            {
                for (var i = 0; i < 10_000; i++) x = Math.Sqrt(x + i);
                Interlocked.Increment(ref _spins);
            }
            GC.KeepAlive(x);
        }

        public void Dispose()
        {
            _stop = true;
            foreach (var t in _threads) t.Join();
        }
    }
}
