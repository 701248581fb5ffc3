using System.Security.Cryptography;
using System.Threading.Channels;
using Dala.Geo;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dala.Web.Jobs;

/// <summary>
/// Runs CPU-heavy work (plans) in the background, one job at a time, so that a crowd of requests cannot exhaust
/// the server: jobs wait in a bounded queue, can be cancelled, and are kept in memory for a while after finishing.
/// Nothing survives a restart. A job that throws is marked failed with the message; the runner carries on.
/// </summary>
public sealed class JobRunner(IClock clock, JobRunnerOptions options, ILogger<JobRunner>? logger = null) : BackgroundService
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private readonly Lock _gate = new();
    private readonly List<Job> _jobs = [];
    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _log = logger ?? NullLogger<JobRunner>.Instance;

    public JobRunnerOptions Options => options;

    /// <summary>Queues a job; false (and no job) when <see cref="JobRunnerOptions.MaxQueued"/> are already waiting.</summary>
    public bool TryEnqueue(string kind, JobWork work, out Job? job)
    {
        lock (_gate)
        {
            Prune();
            if (_jobs.Count(j => j.Status == JobStatus.Queued) >= options.MaxQueued)
            {
                job = null;
                return false;
            }
            job = new Job(RandomNumberGenerator.GetString(IdAlphabet, 10), kind, clock.Now, work);
            _jobs.Add(job);
        }
        _queue.Writer.TryWrite(job);
        return true;
    }

    /// <summary>Every job kept, newest first.</summary>
    public IReadOnlyList<Job> List()
    {
        lock (_gate)
        {
            Prune();
            return [.. Enumerable.Reverse(_jobs)];
        }
    }

    /// <summary>How many jobs are in this state now (the metrics' queue depth).</summary>
    public int Count(JobStatus status)
    {
        lock (_gate) return _jobs.Count(j => j.Status == status);
    }

    public Job? Find(string id)
    {
        lock (_gate)
        {
            Prune();
            return _jobs.Find(j => j.Id == id);
        }
    }

    public CancelOutcome Cancel(Job job) => job.RequestCancel(clock.Now);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (!job.TryStart(clock.Now)) continue;
                await Task.Run(() => Execute(job, stoppingToken), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    private void Execute(Job job, CancellationToken stopping)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(job.StopToken, stopping);
        try
        {
            var result = job.Work(job, cancel.Token);
            job.Finish(JobStatus.Succeeded, clock.Now, result);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            job.Finish(JobStatus.Cancelled, clock.Now);
        }
#pragma warning disable CA1031 // a failing job must never take the worker (or the server) down
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.LogError(e, "Job {Id} ({Kind}) failed", job.Id, job.Kind);
            job.Finish(JobStatus.Failed, clock.Now, error: Readable(e));
        }
    }

    /// <summary>The message a user can act on; the exception type too when it is a bug rather than a refusal.</summary>
    internal static string Readable(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerExceptions[0];
        return e is ArgumentException or InvalidOperationException or IOException or Rollout.Costs.CostBookException
            ? e.Message
            : $"internal error ({e.GetType().Name}): {e.Message}";
    }

    /// <summary>Forgets finished jobs older than the retention, and all but the latest finished ones. Under the lock.</summary>
    private void Prune()
    {
        var now = clock.Now;
        _jobs.RemoveAll(j => j.FinishedAt is { } f && now - f > options.Retention);
        var finished = _jobs.Select((j, i) => (Job: j, Index: i)).Where(x => x.Job.FinishedAt is not null)
            .OrderByDescending(x => x.Job.FinishedAt).ThenByDescending(x => x.Index).Skip(options.MaxFinished).Select(x => x.Job).ToHashSet();
        if (finished.Count > 0) _jobs.RemoveAll(finished.Contains);
    }
}
