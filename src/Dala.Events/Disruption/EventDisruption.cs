namespace Dala.Events.Disruption;

/// <summary>One test as the detector sees it.</summary>
public readonly record struct EventTest(string Id, DateTimeOffset Time, string OperatorId, double DownMbps, bool Synthetic);

/// <summary>Where a test sits: in the event window, in a baseline week (1 = the week before), or in the hours before the event.</summary>
public enum TestWindow
{
    Event,
    Baseline,
    Before,
}

/// <summary>
/// The evidence for one operator: counts and medians of both samples, the drop with its interval, Pettitt's test on the
/// stream (p-value, the time of the change), and whether it is flagged (<see cref="Verdict"/>: disrupted, no evidence, too few tests).
/// </summary>
public sealed record OperatorDisruption(string OperatorId, int EventTests, int BaselineTests, double? EventMedian, double? BaselineMedian,
    DropInterval? Drop, int StreamTests, double? ChangeP, DateTimeOffset? ChangeAt, bool? ChangeIsDrop, bool Flagged, string Verdict,
    IReadOnlyList<EventTest> Stream)
{
    /// <summary>The drop as a share of the baseline median, or null.</summary>
    public double? DropShare => Drop is { } d && BaselineMedian is > 0 ? d.Drop / BaselineMedian : null;
}

public sealed record EventDisruption(string EventId, DateTimeOffset Start, DateTimeOffset End, DisruptionSettings Settings,
    IReadOnlyList<OperatorDisruption> Operators, bool Synthetic)
{
    public string Rule => FormattableString.Invariant(
        $"flagged when the {100 * (1 - Settings.Alpha):0.#}% bootstrap interval ({Settings.Resamples} resamples, seed {Settings.Seed}) of the median download drop against the same hours of the {Settings.BaselineWeeks} weeks before lies above 0 AND Pettitt's test finds a downward change in the stream (the hours before the event, as long as it, then the event) with p < {Settings.Alpha}; fewer than {Settings.MinTests} tests on either side: not judged");
}
