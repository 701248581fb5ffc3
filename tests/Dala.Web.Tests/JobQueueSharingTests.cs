using Dala.Platform.Jobs;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Storage.Tests;
using Dala.Testing;
using Dala.Web.Jobs;

namespace Dala.Web.Tests;

/// <summary>
/// Two instances on one store share its job queue: each with its own store handle (its own connections, as two `dala
/// serve` processes or a `dala worker` have), every job runs exactly once; an instance that dies mid-job (its heartbeats
/// stop) loses the job, which the other runs again once the job has been silent for StaleAfter.
/// </summary>
public sealed class JobQueueSharingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public static TheoryData<string> Stores() => PgServer.Available || PgServer.Required ? ["sqlite", "postgres"] : ["sqlite"];

    private string NewStore(string kind) => kind == "sqlite" ? _dir.File("jobs.db") : PgServer.NewDatabase();

    private static IJobStore Handle(string kind, string spec) => kind == "sqlite"
        ? new SqliteJobStore(new SqliteRegistryStore(spec))
        : new PostgresJobStore(new PostgresRegistryStore(spec));

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Two_instances_run_every_job_exactly_once(string kind)
    {
        var spec = NewStore(kind);
        await using var jobs = new JobHarness(Handle(kind, spec));
        var a = await jobs.StartRunner(Handle(kind, spec));
        var b = await jobs.StartRunner(Handle(kind, spec));
        var queued = Enumerable.Range(0, 30)
            .Select(i => jobs.Enqueue(i % 2 == 0 ? a : b, (_, input, _) => { Thread.Sleep(5); return new JobResult("/done/" + input); }))
            .ToList();
        var done = new List<JobRecord>();
        foreach (var job in queued) done.Add(await jobs.Finished(job.Id));

        Assert.All(done, j => Assert.Equal((JobStatus.Succeeded, 1), (j.Status, j.Attempts)));
        Assert.Equal(30, jobs.Runs.Count);
        Assert.All(jobs.Runs.Values, n => Assert.Equal(1, n));
        Assert.Subset(new HashSet<string?> { a.Worker, b.Worker }, done.Select(j => j.Worker).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_job_whose_instance_died_is_run_again_by_the_other(string kind)
    {
        var spec = NewStore(kind);
        await using var jobs = new JobHarness(Handle(kind, spec));
        var dying = await jobs.StartRunner(Handle(kind, spec));
        using var started = new ManualResetEventSlim();
        var job = jobs.Enqueue(dying, (progress, _, cancel) =>
        {
            progress.Report("working", 0.3);
            started.Set();
            // The first run never ends by itself (its instance dies); the second one finishes.
            if (jobs.Runs.Values.Sum() == 1) cancel.WaitHandle.WaitOne();
            cancel.ThrowIfCancellationRequested();
            return new JobResult("/second-run");
        });
        Assert.True(started.Wait(TimeSpan.FromMinutes(2)));
        // The instance stops without finishing the job (as a killed process would): no more heartbeats.
        await jobs.Stop(dying);
        var left = jobs.Store.Find(job.Id)!;
        Assert.Equal((JobStatus.Running, dying.Worker, 1), (left.Status, left.Worker, left.Attempts));

        var other = await jobs.StartRunner(Handle(kind, spec));
        jobs.Clock.Now = jobs.Clock.Now + jobs.Options.StaleAfter + TimeSpan.FromSeconds(1);
        var done = await jobs.Finished(job.Id);

        Assert.Equal((JobStatus.Succeeded, other.Worker, 2, "/second-run"), (done.Status, done.Worker, done.Attempts, done.Result!.Href));
        Assert.Equal(2, jobs.Runs[jobs.Runs.Keys.Single()]);
    }

    public void Dispose() => _dir.Dispose();
}
