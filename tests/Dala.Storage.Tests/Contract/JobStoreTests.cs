using System.Collections.Concurrent;
using Dala.Platform.Jobs;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>The job queue on both stores: a bounded queue in order, one claim per job however many workers ask at once,
/// heartbeats and cancellation, a silent worker's job run again and failed after its attempts, the result cache and its cap.</summary>
public class JobStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-21T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string[] Plan = ["plan"];

    internal static IJobStore Jobs(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteJobStore(s),
        PostgresRegistryStore p => new PostgresJobStore(p),
        _ => throw new InvalidOperationException(),
    };

    private static JobRecord Job(string id, DateTimeOffset at, string kind = "plan", string? key = null) =>
        JobRecord.Queued(id, kind, $$"""{"name":"{{id}}"}""", key, at, "user:alice");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Jobs_wait_in_order_up_to_the_cap_and_are_read_back_exactly(string kind)
    {
        using var t = TestStore.Create(kind);
        var jobs = Jobs(t.Store);
        Assert.True(jobs.TryEnqueue(Job("a", T0), 2));
        Assert.True(jobs.TryEnqueue(Job("b", T0.AddSeconds(1), key: "k"), 2));
        Assert.False(jobs.TryEnqueue(Job("c", T0.AddSeconds(2)), 2));
        Assert.Null(jobs.Find("c"));
        Assert.Equal(Job("b", T0.AddSeconds(1), key: "k"), jobs.Find("b"));
        Assert.Equal(["b", "a"], jobs.List(10).Select(j => j.Id));
        Assert.True(jobs.TryEnqueue(Job("x", T0, kind: "other"), 5));

        var first = jobs.Claim("w1", Plan, T0.AddSeconds(5), T0, 3)!;
        Assert.Equal(("a", JobStatus.Running, "w1", 1, T0.AddSeconds(5)), (first.Id, first.Status, first.Worker, first.Attempts, first.StartedAt));
        Assert.Equal("b", jobs.Claim("w2", Plan, T0.AddSeconds(5), T0, 3)!.Id);
        Assert.Null(jobs.Claim("w3", Plan, T0.AddSeconds(5), T0, 3)); // "x" is another kind
        Assert.True(jobs.TryEnqueue(Job("c", T0.AddSeconds(6)), 2)); // the two that waited now run
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_role_may_have_only_so_many_jobs_waiting_or_running_and_counts_come_from_the_store(string kind)
    {
        using var t = TestStore.Create(kind);
        var jobs = Jobs(t.Store);
        JobRecord As(string id, int s, string role) => Job(id, T0.AddSeconds(s)) with { Role = role };
        Assert.Equal(EnqueueOutcome.Queued, jobs.Enqueue(As("a1", 0, "analyst"), 10, 2));
        Assert.Equal(EnqueueOutcome.Queued, jobs.Enqueue(As("a2", 1, "analyst"), 10, 2));
        Assert.Equal(EnqueueOutcome.RoleBusy, jobs.Enqueue(As("a3", 2, "analyst"), 10, 2));
        Assert.Null(jobs.Find("a3"));
        Assert.Equal(EnqueueOutcome.Queued, jobs.Enqueue(As("o1", 3, "operator"), 10, 2)); // another role is not held back
        Assert.Equal("analyst", jobs.Find("a1")!.Role);
        Assert.Equal((3, 0), (jobs.Count(JobStatus.Queued), jobs.Count(JobStatus.Running)));

        var running = jobs.Claim("w1", Plan, T0.AddSeconds(5), T0, 3)!; // a1 runs: still the analysts' own
        Assert.Equal("a1", running.Id);
        Assert.Equal((2, 1), (jobs.Count(JobStatus.Queued), jobs.Count(JobStatus.Running)));
        Assert.Equal(EnqueueOutcome.RoleBusy, jobs.Enqueue(As("a3", 6, "analyst"), 10, 2));
        Assert.True(jobs.Finish("a1", "w1", JobStatus.Succeeded, new JobResult("/x"), null, T0.AddSeconds(7)));
        Assert.Equal(EnqueueOutcome.Queued, jobs.Enqueue(As("a3", 8, "analyst"), 10, 2)); // a finished job frees its place
        Assert.Equal(EnqueueOutcome.QueueFull, jobs.Enqueue(As("o2", 9, "operator"), 3, 2)); // the queue's cap comes first
        Assert.Equal(1, jobs.Count(JobStatus.Succeeded));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_finished_job_keeps_its_outputs_for_any_reader_until_it_is_forgotten(string kind)
    {
        using var t = TestStore.Create(kind);
        var jobs = Jobs(t.Store);
        Assert.True(jobs.TryEnqueue(Job("a", T0, key: "k"), 5));
        Assert.Equal("a", jobs.Latest("plan", "k")!.Id);
        Assert.Equal(JobStatus.Queued, jobs.Latest("plan", "k")!.Status);
        Assert.Null(jobs.Latest("plan", "other"));
        jobs.Claim("w1", Plan, T0.AddSeconds(1), T0, 3);
        var geo = new byte[300_000];
        new Random(5).NextBytes(geo);
        var outputs = new[] { new JobOutput("plan.json", "application/json", "{\"km\":1}"u8.ToArray()), new JobOutput("plan.geojson", "application/geo+json", geo) };
        Assert.False(jobs.Finish("a", "w2", JobStatus.Succeeded, new JobResult("/x", null, outputs), null, T0.AddSeconds(2))); // not w2's: nothing written
        Assert.Null(Jobs(t.Open()).Output("a", "plan.json"));
        Assert.True(jobs.Finish("a", "w1", JobStatus.Succeeded, new JobResult("/x", null, outputs), null, T0.AddSeconds(2)));

        var other = Jobs(t.Open()); // another instance on the same store
        Assert.Equal(JobStatus.Succeeded, other.Latest("plan", "k")!.Status);
        Assert.Null(other.Find("a")!.Result!.Outputs); // outputs are read one by one, not with the job
        Assert.Equal(("application/json", "{\"km\":1}"), (other.Output("a", "plan.json")!.MediaType, System.Text.Encoding.UTF8.GetString(other.Output("a", "plan.json")!.Body)));
        Assert.Equal(geo, other.Output("a", "plan.geojson")!.Body);
        Assert.Null(other.Output("a", "plan.csv"));

        Assert.Equal(1, jobs.Prune(T0.AddHours(2), 100));
        Assert.Null(other.Output("a", "plan.geojson"));
        Assert.Null(other.Latest("plan", "k"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Many_workers_claiming_at_once_take_every_job_exactly_once(string kind)
    {
        using var t = TestStore.Create(kind);
        var setup = Jobs(t.Store);
        for (var i = 0; i < 40; i++) Assert.True(setup.TryEnqueue(Job($"j{i:00}", T0.AddSeconds(i)), 100));
        var claimed = new ConcurrentBag<(string Job, string Worker)>();
        // Each worker its own store object (its own connections), as separate processes would have.
        var workers = Enumerable.Range(0, 4).Select(_ => Jobs(t.Open())).ToArray();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, w =>
        {
            var jobs = workers[w];
            while (jobs.Claim($"w{w}", Plan, T0.AddMinutes(1), T0, 3) is { } job)
            {
                claimed.Add((job.Id, $"w{w}"));
                Assert.True(jobs.Finish(job.Id, $"w{w}", JobStatus.Succeeded, new JobResult("/done"), null, T0.AddMinutes(2)));
            }
        });
        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Select(c => c.Job).Distinct().Count());
        Assert.All(setup.List(100), j => Assert.Equal((JobStatus.Succeeded, 1, 1.0), (j.Status, j.Attempts, j.Progress)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Only_the_holder_reports_and_finishes_and_cancellation_reaches_it(string kind)
    {
        using var t = TestStore.Create(kind);
        var jobs = Jobs(t.Store);
        jobs.TryEnqueue(Job("a", T0), 5);
        jobs.TryEnqueue(Job("b", T0.AddSeconds(1)), 5);
        var a = jobs.Claim("w1", Plan, T0, T0.AddMinutes(-1), 3)!;
        Assert.Equal(HeartbeatAnswer.Continue, jobs.Heartbeat(a.Id, "w1", "solving", 0.4, T0.AddSeconds(2)));
        Assert.Equal(("solving", 0.4, T0.AddSeconds(2)), (jobs.Find("a")!.Phase, jobs.Find("a")!.Progress, jobs.Find("a")!.HeartbeatAt));
        Assert.Equal(HeartbeatAnswer.Lost, jobs.Heartbeat(a.Id, "w2", "solving", 0.9, T0.AddSeconds(2)));
        Assert.False(jobs.Finish(a.Id, "w2", JobStatus.Succeeded, null, null, T0));

        Assert.Equal(CancelOutcome.Cancelled, jobs.RequestCancel("b", T0.AddSeconds(3)));
        Assert.Equal((JobStatus.Cancelled, T0.AddSeconds(3)), (jobs.Find("b")!.Status, jobs.Find("b")!.FinishedAt));
        Assert.Null(jobs.Claim("w2", Plan, T0.AddSeconds(3), T0.AddMinutes(-1), 3));

        Assert.Equal(CancelOutcome.Stopping, jobs.RequestCancel("a", T0.AddSeconds(4)));
        Assert.Equal(HeartbeatAnswer.Cancel, jobs.Heartbeat(a.Id, "w1", "solving", 0.5, T0.AddSeconds(5)));
        Assert.True(jobs.Finish(a.Id, "w1", JobStatus.Cancelled, null, null, T0.AddSeconds(6)));
        Assert.Equal(HeartbeatAnswer.Lost, jobs.Heartbeat(a.Id, "w1", "late", 0.6, T0.AddSeconds(7)));
        Assert.Equal(CancelOutcome.AlreadyFinished, jobs.RequestCancel("a", T0.AddSeconds(8)));
        Assert.Equal(CancelOutcome.AlreadyFinished, jobs.RequestCancel("nope", T0.AddSeconds(8)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_silent_workers_job_is_run_again_and_failed_after_its_attempts(string kind)
    {
        using var t = TestStore.Create(kind);
        var jobs = Jobs(t.Store);
        jobs.TryEnqueue(Job("a", T0), 5);
        var stale = TimeSpan.FromSeconds(60);
        Assert.Equal(1, jobs.Claim("dead-1", Plan, T0, T0 - stale, 2)!.Attempts);
        // Still beating within the window: not claimable.
        Assert.Null(jobs.Claim("w2", Plan, T0.AddSeconds(30), T0.AddSeconds(30) - stale, 2));
        var again = jobs.Claim("dead-2", Plan, T0.AddSeconds(61), T0.AddSeconds(61) - stale, 2)!;
        Assert.Equal(("a", "dead-2", 2, T0), (again.Id, again.Worker, again.Attempts, again.StartedAt));
        Assert.Equal(HeartbeatAnswer.Lost, jobs.Heartbeat("a", "dead-1", "late", 0.5, T0.AddSeconds(62)));
        Assert.Null(jobs.Claim("w3", Plan, T0.AddSeconds(200), T0.AddSeconds(200) - stale, 2));
        var failed = jobs.Find("a")!;
        Assert.Equal((JobStatus.Failed, JobRules.LostError(2), T0.AddSeconds(200)), (failed.Status, failed.Error, failed.FinishedAt));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Succeeded_jobs_are_the_result_cache_and_pruning_keeps_the_cap(string kind)
    {
        using var t = TestStore.Create(kind);
        var jobs = Jobs(t.Store);
        for (var i = 0; i < 5; i++)
        {
            jobs.TryEnqueue(Job($"j{i}", T0.AddMinutes(i), key: i < 4 ? "same" : "other"), 10);
            var job = jobs.Claim("w", Plan, T0.AddMinutes(i), T0.AddMinutes(i - 1), 3)!;
            jobs.Finish(job.Id, "w", i == 3 ? JobStatus.Failed : JobStatus.Succeeded, i == 3 ? null : new JobResult($"/api/plans/{i}", i), i == 3 ? "boom" : null,
                T0.AddMinutes(i));
        }
        var cached = jobs.Succeeded("plan", "same")!;
        Assert.Equal(("j2", 2L, "/api/plans/2"), (cached.Id, cached.Result!.PlanId, cached.Result.Href));
        Assert.Null(jobs.Succeeded("plan", "none"));
        Assert.Equal(1, jobs.Prune(T0.AddMinutes(1), 100)); // j0 finished before then
        Assert.Equal(2, jobs.Prune(T0, 2)); // the latest two kept
        Assert.Equal(["j4", "j3"], jobs.List(10).Select(j => j.Id));
    }
}
