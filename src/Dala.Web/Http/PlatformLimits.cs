namespace Dala.Web.Http;

/// <summary>
/// The platform's limits (ARCHITECTURE.md, "Platform: limits and hygiene"). Expensive work (plan creation, verdicts, evidence packs, claim checks, rankings and trends, open-data tiles, sample sizes) runs at most
/// <see cref="ExpensiveConcurrency"/> at once with <see cref="ExpensiveQueue"/> waiting; each client (the signed-in
/// user's name, else the remote address) has a token bucket for writes and one for expensive reads. Over any limit: 429
/// problem+json with Retry-After.
/// </summary>
public sealed record PlatformLimits
{
    /// <summary>Expensive requests running at once (server-wide).</summary>
    public int ExpensiveConcurrency { get; init; } = 2;

    /// <summary>Expensive requests waiting for a slot (server-wide); one more is refused at once.</summary>
    public int ExpensiveQueue { get; init; } = 8;

    /// <summary>Expensive reads a client may make in a burst, and how many more it earns per minute.</summary>
    public int ExpensiveBurst { get; init; } = 30;

    public int ExpensivePerMinute { get; init; } = 60;

    /// <summary>Writes (POST, PUT, PATCH, DELETE) a client may make in a burst, and how many more it earns per minute.</summary>
    public int WriteBurst { get; init; } = 30;

    public int WritesPerMinute { get; init; } = 60;

    /// <summary>Retry-After when the expensive slots and their queue are full (a concurrency limit knows no better time).</summary>
    public int BusyRetryAfterSeconds { get; init; } = 5;

    /// <summary>The largest body of a write endpoint that names no limit of its own (JSON).</summary>
    public long DefaultBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Answers kept per registry view (GeoJSON bytes, fibre plans, progress): at most this many bytes, least recently used evicted.</summary>
    public long ViewCacheBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>... and at most this many entries (answers whose size is not known count as <see cref="UnsizedEntryBytes"/>).</summary>
    public int ViewCacheEntries { get; init; } = 256;

    public long UnsizedEntryBytes { get; init; } = 1024 * 1024;

    /// <summary>Rollout plans kept whole in memory (least recently used evicted), and at most this many settlement lines among them.</summary>
    public int PlanCacheEntries { get; init; } = 4;

    public int PlanCacheLines { get; init; } = 100_000;

    public static PlatformLimits Default { get; } = new();
}
