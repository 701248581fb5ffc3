using Dala.Web.Dto;

namespace Dala.Web.Jobs;

/// <summary>
/// One background job. Its state changes on the worker (progress, finish) and on requests (cancel) at once, so
/// every read and write goes through one lock; <see cref="Snapshot"/> returns a consistent copy.
/// </summary>
public sealed class Job
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private JobStatus _status = JobStatus.Queued;
    private string _phase = "queued";
    private double _progress;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;
    private string? _error;
    private JobResult? _result;

    internal Job(string id, string kind, DateTimeOffset createdAt, JobWork work)
    {
        Id = id;
        Kind = kind;
        CreatedAt = createdAt;
        Work = work;
    }

    public string Id { get; }

    public string Kind { get; }

    public DateTimeOffset CreatedAt { get; }

    internal JobWork Work { get; }

    internal CancellationToken StopToken => _stop.Token;

    public JobStatus Status
    {
        get { lock (_gate) return _status; }
    }

    public DateTimeOffset? FinishedAt
    {
        get { lock (_gate) return _finishedAt; }
    }

    /// <summary>Progress from the work (any thread): a phase name and the share done, 0..1. Ignored unless running.</summary>
    public void Report(string phase, double progress)
    {
        lock (_gate)
        {
            if (_status != JobStatus.Running) return;
            _phase = phase;
            if (double.IsFinite(progress)) _progress = Math.Clamp(progress, 0, 1);
        }
    }

    internal bool TryStart(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_status != JobStatus.Queued) return false;
            (_status, _startedAt, _phase) = (JobStatus.Running, now, "starting");
            return true;
        }
    }

    internal void Finish(JobStatus status, DateTimeOffset now, JobResult? result = null, string? error = null)
    {
        lock (_gate)
        {
            (_status, _finishedAt, _result, _error) = (status, now, result, error);
            _phase = status.WireName();
            if (status == JobStatus.Succeeded) _progress = 1;
        }
    }

    internal CancelOutcome RequestCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_status.IsFinished()) return CancelOutcome.AlreadyFinished;
            if (_status == JobStatus.Queued)
            {
                (_status, _finishedAt, _phase) = (JobStatus.Cancelled, now, "cancelled");
                return CancelOutcome.Cancelled;
            }
        }
        _stop.Cancel();
        return CancelOutcome.Stopping;
    }

    public JobDto Snapshot()
    {
        lock (_gate)
        {
            return new JobDto(Id, Kind, _status.WireName(), _phase, _progress, CreatedAt, _startedAt, _finishedAt, _error,
                _result is null ? null : new JobResultDto(_result.PlanId, _result.Href));
        }
    }
}
