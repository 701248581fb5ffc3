namespace Dala.Web.Jobs;

/// <summary>
/// Limits of the background job runner: each runner (a web instance, or `dala worker`) runs one job at a time; at most
/// <see cref="MaxQueued"/> wait in the store's queue (more are refused with 429 and <see cref="RetryAfter"/>); finished
/// jobs are kept for <see cref="Retention"/>, at most the latest <see cref="MaxFinished"/> (the result cache's cap).
/// A running job sends a heartbeat every <see cref="Heartbeat"/>; one silent for <see cref="StaleAfter"/> is taken as
/// lost (its worker died) and run again by another worker, at most <see cref="MaxAttempts"/> times in all. An idle
/// runner looks for work every <see cref="Poll"/> (at once when a job is queued through it). Each role may have at most
/// <see cref="MaxActivePerRole"/> jobs waiting or running at once (all its users and keys together), so one role's
/// batch cannot fill the queue for the others.
/// </summary>
public sealed record JobRunnerOptions
{
    public int MaxQueued { get; init; } = 20;

    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(1);

    public int MaxFinished { get; init; } = 100;

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Jobs a role may have waiting or running at once; a role not named here is bound by the queue's cap alone.</summary>
    public IReadOnlyDictionary<string, int> MaxActivePerRole { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["anonymous"] = 4, ["public"] = 4, ["analyst"] = 6, ["inspector"] = 4, ["operator"] = 2, ["admin"] = 10,
    };

    /// <summary>How many jobs <paramref name="role"/> may have waiting or running at once.</summary>
    public int ActiveOf(string role) => MaxActivePerRole.GetValueOrDefault(role, int.MaxValue);
}
