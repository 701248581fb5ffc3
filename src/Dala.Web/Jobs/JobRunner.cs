using System.Security.Cryptography;
using Dala.Geo;
using Dala.Platform.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dala.Web.Jobs;

/// <summary>
/// Runs CPU-heavy work (plans) in the background from the store's job queue, one job at a time per runner, so that a
/// crowd of requests cannot exhaust the server. Every web instance runs one runner and `dala worker` runs more, on other
/// machines, against the same store: a job is claimed by one runner only, and a runner that dies loses its job to
/// another after <see cref="JobRunnerOptions.StaleAfter"/>. A job that throws is failed with the message; the runner
/// carries on. When the host stops, a running job is left to be run again (by this host after a restart, or by another).
/// </summary>
public sealed class JobRunner(IClock clock, JobRunnerOptions options, IJobStore store, JobKinds kinds, ILogger<JobRunner>? logger = null)
    : BackgroundService
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Lock _gate = new();
    private readonly ILogger _log = logger ?? NullLogger<JobRunner>.Instance;
    private (string Id, CancellationTokenSource Stop)? _current;

    public JobRunnerOptions Options => options;

    /// <summary>The runner's clock now.</summary>
    public DateTimeOffset Now => clock.Now;

    /// <summary>This runner's name in the store: host, process and a random suffix.</summary>
    public string Worker { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{RandomNumberGenerator.GetString(IdAlphabet, 6)}";

    /// <summary>
    /// Queues a job submitted by <paramref name="submittedBy"/> under <paramref name="role"/>; refused (and no job) when
    /// <see cref="JobRunnerOptions.MaxQueued"/> are already waiting, or the role has its
    /// <see cref="JobRunnerOptions.ActiveOf"/> jobs waiting or running.
    /// </summary>
    public EnqueueOutcome Enqueue(string kind, string input, string? inputKey, string? submittedBy, string? role, out JobRecord? job,
        IReadOnlyList<JobOutput>? files = null)
    {
        if (!kinds.Names.Contains(kind)) throw new ArgumentException($"no job kind '{kind}'", nameof(kind));
        var queued = JobRecord.Queued(RandomNumberGenerator.GetString(IdAlphabet, 10), kind, input, inputKey, clock.Now, submittedBy, role);
        Prune();
        var outcome = store.Enqueue(queued, options.MaxQueued, role is null ? int.MaxValue : options.ActiveOf(role), files);
        job = outcome == EnqueueOutcome.Queued ? queued : null;
        if (job is not null) _wake.Release();
        return outcome;
    }

    /// <summary>The latest succeeded job of this kind with these normalised inputs (a cached result), if any.</summary>
    public JobRecord? Cached(string kind, string inputKey) => store.Succeeded(kind, inputKey);

    /// <summary>The latest job of this kind with these normalised inputs, in whatever state, if any.</summary>
    public JobRecord? Latest(string kind, string inputKey) => store.Latest(kind, inputKey);

    /// <summary>One output a succeeded job left, by name.</summary>
    public JobOutput? Output(string jobId, string name) => store.Output(jobId, name);

    /// <summary>Every job kept, newest first.</summary>
    public IReadOnlyList<JobRecord> List()
    {
        Prune();
        return store.List(options.MaxQueued + options.MaxFinished + 100);
    }

    /// <summary>How many of the jobs kept are in this state now (the metrics' queue depth).</summary>
    public int Count(JobStatus status) => store.Count(status);

    public JobRecord? Find(string id)
    {
        Prune();
        return store.Find(id);
    }

    /// <summary>Cancels a waiting job at once; asks a running one to stop (at once when it runs here, else at its runner's next heartbeat).</summary>
    public CancelOutcome Cancel(string id)
    {
        var outcome = store.RequestCancel(id, clock.Now);
        if (outcome == CancelOutcome.Stopping)
        {
            lock (_gate)
            {
                if (_current is { } c && c.Id == id) c.Stop.Cancel();
            }
        }
        return outcome;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            JobRecord? job = null;
            try
            {
                job = store.Claim(Worker, kinds.Names, clock.Now, clock.Now - options.StaleAfter, options.MaxAttempts);
            }
#pragma warning disable CA1031 // a store that does not answer for a while must not take the runner down: it tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                _log.LogWarning(e, "Job runner {Worker}: cannot claim a job", Worker);
            }
            if (job is not null)
            {
                await Task.Run(() => Execute(job, stoppingToken), CancellationToken.None);
                continue;
            }
            try
            {
                await _wake.WaitAsync(options.Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // the host is stopping
            }
        }
    }

    private void Execute(JobRecord job, CancellationToken stopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var progress = new JobProgress(job.Id);
        var beatGate = new Lock();
        bool done = false, lost = false;
        lock (_gate) _current = (job.Id, stop);
        using var beat = new Timer(_ =>
        {
            lock (beatGate)
            {
                if (done) return;
                var (phase, share) = progress.Read();
                try
                {
                    var answer = store.Heartbeat(job.Id, Worker, phase, share, clock.Now);
                    if (answer == HeartbeatAnswer.Continue) return;
                    lost |= answer == HeartbeatAnswer.Lost;
                    stop.Cancel();
                }
#pragma warning disable CA1031 // a heartbeat the store missed is tried again at the next beat
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _log.LogWarning(e, "Job {Id}: heartbeat not recorded", job.Id);
                }
            }
        }, null, options.Heartbeat, options.Heartbeat);
        JobStatus status;
        JobResult? result = null;
        string? error = null;
        try
        {
            result = kinds[job.Kind](progress, job.Input, stop.Token);
            status = JobStatus.Succeeded;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            status = JobStatus.Cancelled;
        }
#pragma warning disable CA1031 // a failing job must never take the worker (or the server) down
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.LogError(e, "Job {Id} ({Kind}) failed", job.Id, job.Kind);
            status = JobStatus.Failed;
            error = Readable(e);
        }
        lock (beatGate) done = true;
        lock (_gate) _current = null;
        // Lost to another runner, or stopped with the host: the job is not this runner's to finish.
        if (lost || (status == JobStatus.Cancelled && stopping.IsCancellationRequested)) return;
        store.Finish(job.Id, Worker, status, result, error, clock.Now);
        Prune();
    }

    /// <summary>The message a user can act on; the exception type too when it is a bug rather than a refusal.</summary>
    internal static string Readable(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerExceptions[0];
        return e is ArgumentException or InvalidOperationException or IOException or Rollout.Costs.CostBookException
            ? e.Message
            : $"internal error ({e.GetType().Name}): {e.Message}";
    }

    /// <summary>Forgets finished jobs older than the retention, and all but the latest finished ones.</summary>
    private void Prune() => store.Prune(clock.Now - options.Retention, options.MaxFinished);

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
