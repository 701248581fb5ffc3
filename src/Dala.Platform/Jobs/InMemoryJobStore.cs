namespace Dala.Platform.Jobs;

/// <summary>The job queue in memory: for a host without a store, and for tests. The same rules as the stores.</summary>
public sealed class InMemoryJobStore : IJobStore
{
    private readonly Lock _gate = new();
    private readonly List<JobRecord> _jobs = [];
    private readonly Dictionary<(string Job, string Name), JobOutput> _outputs = [];

    public EnqueueOutcome Enqueue(JobRecord job, int maxQueued, int maxActiveOfRole, IReadOnlyList<JobOutput>? files = null)
    {
        lock (_gate)
        {
            if (_jobs.Count(j => j.Status == JobStatus.Queued) >= maxQueued) return EnqueueOutcome.QueueFull;
            if (job.Role is { } role && _jobs.Count(j => j.Role == role && j.Status is JobStatus.Queued or JobStatus.Running) >= maxActiveOfRole)
                return EnqueueOutcome.RoleBusy;
            _jobs.Add(job);
            foreach (var f in files ?? []) _outputs[(job.Id, f.Name)] = f;
            return EnqueueOutcome.Queued;
        }
    }

    public int Count(JobStatus status)
    {
        lock (_gate) return _jobs.Count(j => j.Status == status);
    }

    public JobRecord? Claim(string worker, IReadOnlyCollection<string> kinds, DateTimeOffset now, DateTimeOffset staleBefore, int maxAttempts)
    {
        lock (_gate)
        {
            for (var i = 0; i < _jobs.Count; i++)
            {
                var j = _jobs[i];
                if (Lost(j, staleBefore) && j.Attempts >= maxAttempts)
                    _jobs[i] = j with { Status = JobStatus.Failed, Phase = "failed", FinishedAt = now, Error = JobRules.LostError(j.Attempts) };
            }
            var index = _jobs.FindIndex(j => kinds.Contains(j.Kind) && (j.Status == JobStatus.Queued || Lost(j, staleBefore)));
            if (index < 0) return null;
            var claimed = _jobs[index] with
            {
                Status = JobStatus.Running, Phase = "starting", Worker = worker, StartedAt = _jobs[index].StartedAt ?? now, HeartbeatAt = now,
                Attempts = _jobs[index].Attempts + 1,
            };
            _jobs[index] = claimed;
            return claimed;
        }
    }

    private static bool Lost(JobRecord j, DateTimeOffset staleBefore) => j.Status == JobStatus.Running && j.HeartbeatAt < staleBefore;

    public HeartbeatAnswer Heartbeat(string id, string worker, string phase, double progress, DateTimeOffset now)
    {
        lock (_gate)
        {
            var i = _jobs.FindIndex(j => j.Id == id);
            if (i < 0 || _jobs[i].Status != JobStatus.Running || _jobs[i].Worker != worker) return HeartbeatAnswer.Lost;
            _jobs[i] = _jobs[i] with { Phase = phase, Progress = JobRules.Clamp(progress, _jobs[i].Progress), HeartbeatAt = now };
            return _jobs[i].CancelRequested ? HeartbeatAnswer.Cancel : HeartbeatAnswer.Continue;
        }
    }

    public bool Finish(string id, string worker, JobStatus status, JobResult? result, string? error, DateTimeOffset now)
    {
        lock (_gate)
        {
            var i = _jobs.FindIndex(j => j.Id == id);
            if (i < 0 || _jobs[i].Status != JobStatus.Running || _jobs[i].Worker != worker) return false;
            _jobs[i] = _jobs[i] with
            {
                Status = status, Phase = status.WireName(), FinishedAt = now, Result = result is null ? null : result with { Outputs = null }, Error = error,
                HeartbeatAt = now, Progress = status == JobStatus.Succeeded ? 1 : _jobs[i].Progress,
            };
            foreach (var o in result?.Outputs ?? []) _outputs[(id, o.Name)] = o;
            return true;
        }
    }

    public CancelOutcome RequestCancel(string id, DateTimeOffset now)
    {
        lock (_gate)
        {
            var i = _jobs.FindIndex(j => j.Id == id);
            if (i < 0 || _jobs[i].Status.IsFinished()) return CancelOutcome.AlreadyFinished;
            if (_jobs[i].Status == JobStatus.Queued)
            {
                _jobs[i] = _jobs[i] with { Status = JobStatus.Cancelled, Phase = "cancelled", FinishedAt = now };
                return CancelOutcome.Cancelled;
            }
            _jobs[i] = _jobs[i] with { CancelRequested = true };
            return CancelOutcome.Stopping;
        }
    }

    public JobRecord? Find(string id)
    {
        lock (_gate) return _jobs.Find(j => j.Id == id);
    }

    public IReadOnlyList<JobRecord> List(int limit)
    {
        lock (_gate) return [.. Enumerable.Reverse(_jobs).Take(limit)];
    }

    public JobRecord? Succeeded(string kind, string inputKey)
    {
        lock (_gate) return _jobs.LastOrDefault(j => j.Kind == kind && j.InputKey == inputKey && j.Status == JobStatus.Succeeded);
    }

    public JobRecord? Latest(string kind, string inputKey)
    {
        lock (_gate) return _jobs.FindLast(j => j.Kind == kind && j.InputKey == inputKey);
    }

    public JobOutput? Output(string jobId, string name)
    {
        lock (_gate) return _outputs.GetValueOrDefault((jobId, name));
    }

    public int Prune(DateTimeOffset finishedBefore, int keepFinished)
    {
        lock (_gate)
        {
            var keep = _jobs.Where(j => j.FinishedAt is { } f && f >= finishedBefore).OrderByDescending(j => j.FinishedAt)
                .Take(keepFinished).ToHashSet();
            var gone = _jobs.RemoveAll(j => j.FinishedAt is not null && !keep.Contains(j));
            var ids = _jobs.Select(j => j.Id).ToHashSet();
            foreach (var k in _outputs.Keys.Where(k => !ids.Contains(k.Job)).ToArray()) _outputs.Remove(k);
            return gone;
        }
    }
}

/// <summary>The rules every job store shares.</summary>
public static class JobRules
{
    public static string LostError(int attempts) =>
        $"its worker stopped answering {attempts} time{(attempts == 1 ? "" : "s")}; the job was not run again";

    /// <summary>Progress within 0..1; a non-finite report leaves it as it was.</summary>
    public static double Clamp(double progress, double before) => double.IsFinite(progress) ? Math.Clamp(progress, 0, 1) : before;
}
