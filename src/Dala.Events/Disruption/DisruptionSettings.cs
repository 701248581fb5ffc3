namespace Dala.Events.Disruption;

/// <summary>
/// How disruption is judged after an event. An operator is flagged only when BOTH hold: the bootstrap interval of its median
/// download drop (event window against the same hours of the <see cref="BaselineWeeks"/> weeks before) lies wholly above 0
/// at level 1 - <see cref="Alpha"/>, and Pettitt's test finds a downward change in its test stream (the tests of the hours
/// before the event, as long as the event, then of the event, in time order) with p &lt; <see cref="Alpha"/>. Fewer than
/// <see cref="MinTests"/> tests on either side: not judged.
/// </summary>
public sealed record DisruptionSettings
{
    public int BaselineWeeks { get; init => field = value is >= 1 and <= 12 ? value : throw new ArgumentOutOfRangeException(nameof(BaselineWeeks), value, "1..12 weeks"); } = 4;

    public double Alpha { get; init => field = value is > 0 and < 0.5 ? value : throw new ArgumentOutOfRangeException(nameof(Alpha), value, "alpha must be within (0, 0.5)"); } = 0.05;

    public int Resamples { get; init => field = value is >= 200 and <= 100_000 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "200..100000"); } = 2000;

    public int Seed { get; init; } = 2026;

    public int MinTests { get; init => field = value is >= 3 and <= 100_000 ? value : throw new ArgumentOutOfRangeException(nameof(MinTests), value, "3..100000"); } = 10;

    public static DisruptionSettings Default { get; } = new();
}
