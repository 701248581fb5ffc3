namespace Dala.Platform.Jobs;

/// <summary>Where a background job is: waiting in the queue, running, or finished one of three ways.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class JobStatuses
{
    public static string WireName(this JobStatus s) => s switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Running => "running",
        JobStatus.Succeeded => "succeeded",
        JobStatus.Failed => "failed",
        _ => "cancelled",
    };

    public static bool IsFinished(this JobStatus s) => s is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>The status a wire name stands for (as stores keep it).</summary>
    public static JobStatus Parse(string wire) => wire switch
    {
        "queued" => JobStatus.Queued,
        "running" => JobStatus.Running,
        "succeeded" => JobStatus.Succeeded,
        "failed" => JobStatus.Failed,
        "cancelled" => JobStatus.Cancelled,
        _ => throw new FormatException($"unknown job status '{wire}'"),
    };
}

/// <summary>
/// What a finished job made: where to find it (and, for a plan, the plan's id). <see cref="Outputs"/> are kept in the
/// store with the job (written by <see cref="IJobStore.Finish"/>, read one by one with <see cref="IJobStore.Output"/>),
/// so that any instance on the store can answer with what a worker elsewhere made; read back, a result has none.
/// </summary>
public sealed record JobResult(string Href, long? PlanId = null, IReadOnlyList<JobOutput>? Outputs = null);

/// <summary>One file a job made: its name within the job, its media type and its bytes.</summary>
public sealed record JobOutput(string Name, string MediaType, byte[] Body);

/// <summary>What asking to cancel a job did.</summary>
public enum CancelOutcome
{
    /// <summary>It was queued: cancelled at once.</summary>
    Cancelled,

    /// <summary>It is running: asked to stop; its status becomes cancelled once it does.</summary>
    Stopping,

    /// <summary>It had already finished: nothing to cancel.</summary>
    AlreadyFinished,
}
