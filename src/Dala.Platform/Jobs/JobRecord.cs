namespace Dala.Platform.Jobs;

/// <summary>
/// A background job as the store keeps it: what to run (<see cref="Kind"/> and its <see cref="Input"/>, the request as
/// JSON, so that any worker on the same store can run it), where it is, who runs it (<see cref="Worker"/>, alive while
/// its <see cref="HeartbeatAt"/> is recent) and what came of it. <see cref="InputKey"/> is the normalised inputs' key:
/// a succeeded job with the same kind and key is a cached result.
/// </summary>
public sealed record JobRecord(
    string Id,
    string Kind,
    string Input,
    string? InputKey,
    JobStatus Status,
    string Phase,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? Error = null,
    JobResult? Result = null,
    int Attempts = 0,
    string? Worker = null,
    DateTimeOffset? HeartbeatAt = null,
    bool CancelRequested = false,
    string? SubmittedBy = null,
    string? Role = null)
{
    /// <summary>A new job, waiting.</summary>
    public static JobRecord Queued(string id, string kind, string input, string? inputKey, DateTimeOffset now, string? submittedBy, string? role = null) =>
        new(id, kind, input, inputKey, JobStatus.Queued, "queued", 0, now, SubmittedBy: submittedBy, Role: role);
}

/// <summary>What asking to queue a job did.</summary>
public enum EnqueueOutcome
{
    /// <summary>It waits in the queue.</summary>
    Queued,

    /// <summary>Refused: the queue is full.</summary>
    QueueFull,

    /// <summary>Refused: the submitter's role already has as many jobs waiting or running as it may.</summary>
    RoleBusy,
}

public static class JobStoreExtensions
{
    /// <summary>Queues a job under the queue's cap only (no per-role bound); true when it was queued.</summary>
    public static bool TryEnqueue(this IJobStore store, JobRecord job, int maxQueued) =>
        store.Enqueue(job, maxQueued, int.MaxValue) == EnqueueOutcome.Queued;
}

/// <summary>What a running job's worker hears back when it reports progress.</summary>
public enum HeartbeatAnswer
{
    /// <summary>Carry on.</summary>
    Continue,

    /// <summary>Someone asked to cancel: stop and finish it as cancelled.</summary>
    Cancel,

    /// <summary>The job is no longer this worker's (it was taken as lost and given to another, or finished): stop, write nothing.</summary>
    Lost,
}
