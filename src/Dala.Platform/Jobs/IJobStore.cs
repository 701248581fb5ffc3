namespace Dala.Platform.Jobs;

/// <summary>
/// The queue of background jobs, shared by every web instance and worker on one store. A job is claimed by one worker
/// at a time (atomically: on PostgreSQL with FOR UPDATE SKIP LOCKED, on SQLite in an immediate transaction); a
/// worker that stops sending heartbeats loses its job, which another worker then runs again, at most
/// <c>maxAttempts</c> times in all. Only the worker holding a job may report on it or finish it.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Adds a queued job, unless <paramref name="maxQueued"/> jobs already wait (<see cref="EnqueueOutcome.QueueFull"/>) or
    /// <paramref name="maxActiveOfRole"/> jobs submitted by the same <see cref="JobRecord.Role"/> are waiting or running
    /// (<see cref="EnqueueOutcome.RoleBusy"/>): then nothing is added. Both counts and the insert are one atomic step,
    /// with the job's <paramref name="files"/> (an upload to import), kept like its outputs and read with <see cref="Output"/>.
    /// </summary>
    EnqueueOutcome Enqueue(JobRecord job, int maxQueued, int maxActiveOfRole, IReadOnlyList<JobOutput>? files = null);

    /// <summary>How many jobs are in this state now (a count in the store: the metrics' queue depth).</summary>
    int Count(JobStatus status);

    /// <summary>
    /// The oldest waiting job of one of <paramref name="kinds"/>, or a running one whose worker has been silent since
    /// <paramref name="staleBefore"/>, now running on <paramref name="worker"/>; null when there is none. A silent job
    /// that has had <paramref name="maxAttempts"/> attempts is failed instead.
    /// </summary>
    JobRecord? Claim(string worker, IReadOnlyCollection<string> kinds, DateTimeOffset now, DateTimeOffset staleBefore, int maxAttempts);

    /// <summary>Records the progress of a job <paramref name="worker"/> runs and says whether to carry on.</summary>
    HeartbeatAnswer Heartbeat(string id, string worker, string phase, double progress, DateTimeOffset now);

    /// <summary>Finishes a job <paramref name="worker"/> runs, with the outputs of its result, in one transaction; false
    /// (and nothing written) when it is not (or no longer) that worker's.</summary>
    bool Finish(string id, string worker, JobStatus status, JobResult? result, string? error, DateTimeOffset now);

    /// <summary>A waiting job is cancelled at once, a running one is asked to stop (its worker hears it at its next heartbeat).</summary>
    CancelOutcome RequestCancel(string id, DateTimeOffset now);

    JobRecord? Find(string id);

    /// <summary>The latest jobs, newest first.</summary>
    IReadOnlyList<JobRecord> List(int limit);

    /// <summary>The latest succeeded job of this kind with these normalised inputs (a cached result), if any.</summary>
    JobRecord? Succeeded(string kind, string inputKey);

    /// <summary>The latest job of this kind with these normalised inputs, in whatever state, if any (so that the same work
    /// is not queued twice, and its progress or outcome can be told to whoever asks for it).</summary>
    JobRecord? Latest(string kind, string inputKey);

    /// <summary>One output a succeeded job left, by name; null when there is none (or the job was forgotten).</summary>
    JobOutput? Output(string jobId, string name);

    /// <summary>Forgets (with their outputs) finished jobs that finished before <paramref name="finishedBefore"/> and all but the latest
    /// <paramref name="keepFinished"/> finished ones (the size cap of the result cache); returns how many went.</summary>
    int Prune(DateTimeOffset finishedBefore, int keepFinished);
}
