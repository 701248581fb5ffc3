using System.Collections.Concurrent;
using Dala.Platform.Jobs;
using Dala.Testing;
using Dala.Web.Jobs;

namespace Dala.Web.Tests;

/// <summary>
/// Job runners over one job store, with a "test" kind whose work is looked up by the job's input: a test says what a
/// job does, queues it, and counts how often each job's work ran (and on which runner).
/// </summary>
public sealed class JobHarness : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JobWork> _work = new();
    private readonly List<JobRunner> _runners = [];
    private int _next;

    public JobHarness(IJobStore store, JobRunnerOptions? options = null)
    {
        Store = store;
        Options = options ?? new JobRunnerOptions { Poll = TimeSpan.FromMilliseconds(20), Heartbeat = TimeSpan.FromMilliseconds(50), MaxQueued = 100 };
    }

    public FakeClock Clock { get; } = FakeClock.At("2026-11-21T12:00:00Z");

    public IJobStore Store { get; }

    public JobRunnerOptions Options { get; }

    /// <summary>How many times each job's work started, by input.</summary>
    public ConcurrentDictionary<string, int> Runs { get; } = new();

    /// <summary>A runner on <paramref name="store"/> (another handle on the same queue, as another instance has), started.</summary>
    public async Task<JobRunner> StartRunner(IJobStore? store = null)
    {
        var runner = Runner(store);
        await runner.StartAsync(CancellationToken.None);
        return runner;
    }

    /// <summary>A runner on <paramref name="store"/>, not started: the jobs queued through it wait.</summary>
    public JobRunner Runner(IJobStore? store = null)
    {
        var kinds = new JobKinds().Add("test", (progress, input, cancel) =>
        {
            Runs.AddOrUpdate(input, 1, (_, n) => n + 1);
            return _work[input](progress, input, cancel);
        });
        var runner = new JobRunner(Clock, Options, store ?? Store, kinds);
        _runners.Add(runner);
        return runner;
    }

    /// <summary>Queues a job that does <paramref name="work"/>; its input is its own name.</summary>
    public JobRecord Enqueue(JobRunner runner, JobWork work)
    {
        var input = $"job-{Interlocked.Increment(ref _next)}";
        _work[input] = work;
        Assert.Equal(EnqueueOutcome.Queued, runner.Enqueue("test", input, null, "test", null, out var job));
        return job!;
    }

    public async Task<JobRecord> Finished(string id)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            var job = Store.Find(id)!;
            if (job.Status.IsFinished()) return job;
            Assert.True(DateTime.UtcNow < until, $"job {id} still {job.Status}");
            await Task.Delay(10);
        }
    }

    public async Task Stop(JobRunner runner)
    {
        await runner.StopAsync(CancellationToken.None);
        runner.Dispose();
        _runners.Remove(runner);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var r in _runners.ToArray()) await Stop(r);
    }
}
