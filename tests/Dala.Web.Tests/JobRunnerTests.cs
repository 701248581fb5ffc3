using Dala.Platform.Jobs;
using Dala.Web.Jobs;

namespace Dala.Web.Tests;

/// <summary>The job runner on its own: one job at a time, a bounded queue, failures kept as messages, retention.</summary>
public sealed class JobRunnerTests : IAsyncLifetime
{
    private readonly JobHarness _jobs = new(new InMemoryJobStore());
    private JobRunner _runner = null!;

    public async Task InitializeAsync() => _runner = await _jobs.StartRunner();

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    private JobRecord Enqueue(JobWork work) => _jobs.Enqueue(_runner, work);

    [Fact]
    public async Task Jobs_run_one_at_a_time_in_order()
    {
        var running = 0;
        var most = 0;
        var order = new List<int>();
        var jobs = Enumerable.Range(0, 5).Select(i => Enqueue((job, _, _) =>
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
        foreach (var job in jobs) Assert.Equal(JobStatus.Succeeded, (await _jobs.Finished(job.Id)).Status);
        Assert.Equal(1, most);
        Assert.Equal([0, 1, 2, 3, 4], order);
        var last = _runner.Find(jobs[^1].Id)!;
        Assert.Equal((JobStatus.Succeeded, 1.0, "/done/4", _runner.Worker), (last.Status, last.Progress, last.Result!.Href, last.Worker));
        Assert.Equal(jobs.Select(j => j.Id).Reverse(), _runner.List().Select(j => j.Id));
    }

    [Fact]
    public async Task A_failing_job_is_failed_with_its_message_and_the_runner_carries_on()
    {
        var refused = Enqueue((_, _, _) => throw new InvalidOperationException("no settlements to plan in KZ-00"));
        var bug = Enqueue((_, _, _) => throw new NullReferenceException("oops"));
        var fine = Enqueue((_, _, _) => new JobResult("/ok"));
        Assert.Equal((JobStatus.Failed, "no settlements to plan in KZ-00"), Outcome(await _jobs.Finished(refused.Id)));
        Assert.Equal((JobStatus.Failed, "internal error (NullReferenceException): oops"), Outcome(await _jobs.Finished(bug.Id)));
        Assert.Equal(JobStatus.Succeeded, (await _jobs.Finished(fine.Id)).Status);
    }

    private static (JobStatus, string?) Outcome(JobRecord j) => (j.Status, j.Error);

    [Fact]
    public async Task The_queue_is_bounded_and_a_queued_job_is_cancelled_at_once()
    {
        await using var jobs = new JobHarness(new InMemoryJobStore(), _jobs.Options with { MaxQueued = 2 });
        var runner = await jobs.StartRunner();
        using var gate = new ManualResetEventSlim();
        var running = jobs.Enqueue(runner, (_, _, cancel) => { gate.Wait(cancel); return new JobResult("/"); });
        while (runner.Find(running.Id)!.Status == JobStatus.Queued) await Task.Delay(5);
        var a = jobs.Enqueue(runner, (_, _, _) => new JobResult("/a"));
        var b = jobs.Enqueue(runner, (_, _, _) => new JobResult("/b"));
        Assert.Equal(EnqueueOutcome.QueueFull, runner.Enqueue("test", "refused", null, null, null, out var refused));
        Assert.Null(refused);
        Assert.Equal(CancelOutcome.Cancelled, runner.Cancel(a.Id));
        Assert.Equal(JobStatus.Cancelled, runner.Find(a.Id)!.Status);
        Assert.NotNull(runner.Find(a.Id)!.FinishedAt);
        var c = jobs.Enqueue(runner, (_, _, _) => new JobResult("/c"));
        Assert.Equal(CancelOutcome.Stopping, runner.Cancel(running.Id));
        Assert.Equal(JobStatus.Cancelled, (await jobs.Finished(running.Id)).Status);
        Assert.Equal(JobStatus.Succeeded, (await jobs.Finished(b.Id)).Status);
        Assert.Equal(JobStatus.Succeeded, (await jobs.Finished(c.Id)).Status);
        Assert.Equal(CancelOutcome.AlreadyFinished, runner.Cancel(b.Id));
        Assert.False(jobs.Runs.ContainsKey("refused"));
    }

    [Fact]
    public async Task Finished_jobs_are_forgotten_after_an_hour_and_beyond_the_latest_hundred()
    {
        var old = Enqueue((_, _, _) => new JobResult("/old"));
        await _jobs.Finished(old.Id);
        _jobs.Clock.Now = _jobs.Clock.Now.AddMinutes(30);
        var recent = Enqueue((_, _, _) => new JobResult("/recent"));
        await _jobs.Finished(recent.Id);
        _jobs.Clock.Now = _jobs.Clock.Now.AddMinutes(31);
        Assert.Null(_runner.Find(old.Id));
        Assert.NotNull(_runner.Find(recent.Id));
        for (var i = 0; i < 100; i++)
        {
            _jobs.Clock.Now = _jobs.Clock.Now.AddSeconds(1);
            await _jobs.Finished(Enqueue((_, _, _) => new JobResult("/")).Id);
        }
        Assert.Null(_runner.Find(recent.Id));
        Assert.Equal(100, _runner.List().Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
