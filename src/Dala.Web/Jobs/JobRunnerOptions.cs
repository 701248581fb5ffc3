namespace Dala.Web.Jobs;

/// <summary>
/// Limits of the background job runner: one job runs at a time; at most <see cref="MaxQueued"/> wait (more are
/// refused with 429 and <see cref="RetryAfter"/>); finished jobs are kept for <see cref="Retention"/>, at most
/// the latest <see cref="MaxFinished"/>.
/// </summary>
public sealed record JobRunnerOptions
{
    public int MaxQueued { get; init; } = 20;

    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(1);

    public int MaxFinished { get; init; } = 100;

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}
