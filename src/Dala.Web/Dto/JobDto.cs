namespace Dala.Web.Dto;

/// <summary>
/// A background job: status queued, running, succeeded, failed or cancelled; the phase and share done (0..1) while it
/// runs; the error of a failed job; what a succeeded job made.
/// </summary>
public sealed record JobDto(
    string Id,
    string Kind,
    string Status,
    string Phase,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    JobResultDto? Result);

/// <summary>What a job made: for a plan, its id and where to read it.</summary>
public sealed record JobResultDto(long? PlanId, string Href);

/// <summary>The answer to a job's submission (202): its id, status and where to poll it.</summary>
public sealed record JobAcceptedDto(string JobId, string Status, string Href);
