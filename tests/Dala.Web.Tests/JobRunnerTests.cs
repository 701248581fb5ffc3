using Dala.Testing;
using Dala.Web.Jobs;

namespace Dala.Web.Tests;

/// <summary>The job runner on its own: one job at a time, a bounded queue, failures kept as messages, retention.</summary>
public sealed class JobRunnerTests : IAsyncLifetime
{
    private readonly FakeClock _clock = FakeClock.At("2026-11-21T12:00:00Z");
    private JobRunner _runner = null!;

    private Task Start(JobRunnerOptions options)
    {
        _runner = new JobRunner(_clock, options);
        return _runner.StartAsync(CancellationToken.None);
    }

    public Task InitializeAsync() => Start(new JobRunnerOptions());

    public async Task DisposeAsync()
    {
        await _runner.StopAsync(CancellationToken.None);
        _runner.Dispose();
    }

    private static async Task<JobStatus> Finished(Job job)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        while (!job.Status.IsFinished())
        {
            Assert.True(DateTime.UtcNow < until, $"job {job.Id} still {job.Status}");
            await Task.Delay(10);
        }
        return job.Status;
    }

    private Job Enqueue(JobWork work)
    {
        Assert.True(_runner.TryEnqueue("test", work, out var job));
        return job!;
    }

    [Fact]
    public async Task Jobs_run_one_at_a_time_in_order()
    {
        var running = 0;
        var most = 0;
        var order = new List<int>();
        var jobs = Enumerable.Range(0, 5).Select(i => Enqueue((job, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            for (var k = 1; k <= 10; k++)
            {
                job.Report($"step {k}", k / 10.0);
                Thread.Sleep(2);
            }
            lock (order) order.Add(i);
            Interlocked.Decrement(ref running);
            return new JobResult($"/done/{i}");
        })).ToList();
        foreach (var job in jobs) Assert.Equal(JobStatus.Succeeded, await Finished(job));
        Assert.Equal(1, most);
        Assert.Equal([0, 1, 2, 3, 4], order);
        var last = jobs[^1].Snapshot();
        Assert.Equal(("succeeded", 1.0, "/done/4"), (last.Status, last.Progress, last.Result!.Href));
        Assert.Equal(jobs.Select(j => j.Id).Reverse(), _runner.List().Select(j => j.Id));
    }

    [Fact]
    public async Task A_failing_job_is_failed_with_its_message_and_the_runner_carries_on()
    {
        var refused = Enqueue((_, _) => throw new InvalidOperationException("no settlements to plan in KZ-00"));
        var bug = Enqueue((_, _) => throw new NullReferenceException("oops"));
        var fine = Enqueue((_, _) => new JobResult("/ok"));
        Assert.Equal(JobStatus.Failed, await Finished(refused));
        Assert.Equal("no settlements to plan in KZ-00", refused.Snapshot().Error);
        Assert.Equal(JobStatus.Failed, await Finished(bug));
        Assert.Equal("internal error (NullReferenceException): oops", bug.Snapshot().Error);
        Assert.Equal(JobStatus.Succeeded, await Finished(fine));
    }

    [Fact]
    public async Task The_queue_is_bounded_and_a_queued_job_is_cancelled_at_once()
    {
        await DisposeAsync();
        await Start(new JobRunnerOptions { MaxQueued = 2 });
        using var gate = new ManualResetEventSlim();
        var running = Enqueue((_, cancel) => { gate.Wait(cancel); return new JobResult("/"); });
        while (running.Status == JobStatus.Queued) await Task.Delay(5);
        var a = Enqueue((_, _) => new JobResult("/a"));
        var b = Enqueue((_, _) => new JobResult("/b"));
        Assert.False(_runner.TryEnqueue("test", (_, _) => new JobResult("/c"), out var refused));
        Assert.Null(refused);
        Assert.Equal(CancelOutcome.Cancelled, _runner.Cancel(a));
        Assert.Equal(JobStatus.Cancelled, a.Status);
        Assert.NotNull(a.FinishedAt);
        Assert.True(_runner.TryEnqueue("test", (_, _) => new JobResult("/c"), out var c));
        Assert.Equal(CancelOutcome.Stopping, _runner.Cancel(running));
        Assert.Equal(JobStatus.Cancelled, await Finished(running));
        Assert.Equal(JobStatus.Succeeded, await Finished(b));
        Assert.Equal(JobStatus.Succeeded, await Finished(c!));
        Assert.Equal(CancelOutcome.AlreadyFinished, _runner.Cancel(b));
    }

    [Fact]
    public async Task Finished_jobs_are_forgotten_after_an_hour_and_beyond_the_latest_hundred()
    {
        var old = Enqueue((_, _) => new JobResult("/old"));
        await Finished(old);
        _clock.Now = _clock.Now.AddMinutes(30);
        var recent = Enqueue((_, _) => new JobResult("/recent"));
        await Finished(recent);
        _clock.Now = _clock.Now.AddMinutes(31);
        Assert.Null(_runner.Find(old.Id));
        Assert.NotNull(_runner.Find(recent.Id));
        for (var i = 0; i < 100; i++) await Finished(Enqueue((_, _) => new JobResult("/")));
        Assert.Null(_runner.Find(recent.Id));
        Assert.Equal(100, _runner.List().Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
