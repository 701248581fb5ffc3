using Dala.Geo;
using Dala.Quality.Model;

namespace Dala.Quality.Intake;

/// <summary>What an intake knows besides the lines: defaults, where the lines came from, and the lookups.</summary>
public sealed record IntakeContext(
    MeasurementSource DefaultSource,
    string Dataset,
    IClock Clock,
    Placement Placement,
    OperatorPrefixes Operators)
{
    /// <summary>For Ookla tiles, which carry no time per row: the start of the period the file covers.</summary>
    public DateTimeOffset? PeriodStart { get; init; }

    public bool Synthetic { get; init; }

    /// <summary>The latest plausible time: a day after the clock's now when the intake began (read once, not per line).</summary>
    public DateTimeOffset Latest { get; init; } = Clock.Now.AddDays(1);
}
