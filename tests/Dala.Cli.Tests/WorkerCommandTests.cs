using System.Diagnostics;
using Dala.Platform.Jobs;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>`dala worker` as its own process: it takes a plan job from the store's queue (put there as another instance
/// would), runs it, saves the plan and finishes the job, which any instance on the store then reads.</summary>
public sealed class WorkerCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_worker_process_runs_a_queued_plan_job_and_saves_the_plan()
    {
        var db = _dir.File("dala.db");
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson, "--store", db).Exit);
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", SharedData.HotOsmPlaces, "--store", db).Exit);
        Assert.Equal(0, CliRun.In(_dir.Path, "scenario", "seed", "--store", db).Exit);
        var registry = new SqliteRegistryStore(db);
        var jobs = new SqliteJobStore(registry);
        Assert.True(jobs.TryEnqueue(JobRecord.Queued("queued1", "plan", """{"name":"from the worker","region":"KZ-62"}""", null, CliRun.Clock.Now, "test"), 20));

        using var worker = ServeNdt7Tests.Start("worker", "--store", db);
        try
        {
            Assert.Contains("running jobs from", await worker.StandardOutput.ReadLineAsync() ?? "", StringComparison.Ordinal);
            var until = DateTime.UtcNow.AddMinutes(5);
            JobRecord job;
            while (!(job = jobs.Find("queued1")!).Status.IsFinished())
            {
                Assert.True(DateTime.UtcNow < until, $"the job is still {job.Status} ({job.Phase})");
                await Task.Delay(100);
            }
            Assert.Equal(JobStatus.Succeeded, job.Status);
            Assert.Contains($"/{worker.Id}/", job.Worker, StringComparison.Ordinal);
            var plan = new SqlitePlanStore(registry).GetPlan(job.Result!.PlanId!.Value)!;
            Assert.Equal("from the worker", plan.Name);
            Assert.NotEmpty(plan.Settlements);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }
}
