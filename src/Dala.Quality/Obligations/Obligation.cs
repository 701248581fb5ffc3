using Dala.Registry.Model;

namespace Dala.Quality.Obligations;

/// <summary>What a test measures that an obligation judges.</summary>
public enum ObligationMetric
{
    DownMbps,
    UpMbps,
    LatencyMs,
    LossPct,
}

/// <summary>
/// How an obligation judges the tests of a unit: the share of tests at or above the threshold is at least Share
/// (share_at_least); the Quantile-th quantile is at or above the threshold (quantile_at_least); the median is at
/// most the threshold (median_at_most, for latency and loss).
/// </summary>
public enum ObligationRule
{
    ShareAtLeast,
    QuantileAtLeast,
    MedianAtMost,
}

/// <summary>The keys a verdict's unit is made of (operator x region, x settlement).</summary>
public enum UnitKey
{
    Operator,
    Region,
    Settlement,
}

/// <summary>
/// A licence obligation as Dala judges it: which tests (technology, operator or every operator), which metric, the
/// rule, the threshold, the required share (share rule) or quantile (quantile rule), the confidence of the two-sided
/// interval, the unit of judgement, and when it applies. Versioned: every edit is a new version.
/// </summary>
public sealed record Obligation
{
    public required string Id { get; init; }
    public int Version { get; init; } = 1;
    /// <summary>One operator's obligation; null = every operator.</summary>
    public string? Operator { get; init; }
    public required Technology Technology { get; init; }
    public required ObligationMetric Metric { get; init; }
    public ObligationRule Rule { get; init; } = ObligationRule.ShareAtLeast;
    public required double Threshold { get; init; }
    /// <summary>The share of tests that must be at or above the threshold (share rule).</summary>
    public double? Share { get; init; }
    /// <summary>The quantile that must be at or above the threshold (quantile rule; 0.5 for the median rule).</summary>
    public double? Quantile { get; init; }
    public double Confidence { get; init; } = 0.95;
    public IReadOnlyList<UnitKey> By { get; init; } = [UnitKey.Operator, UnitKey.Region];
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public string? Note { get; init; }

    /// <summary>The quantile the quantile rules judge (0.5 for median_at_most).</summary>
    public double RuleQuantile => Rule == ObligationRule.MedianAtMost ? 0.5 : Quantile ?? 0.5;

    /// <summary>The value a test has for this obligation's metric (null: the test did not measure it, so it does not count).</summary>
    public double? ValueOf(Model.Measurement m) => Metric switch
    {
        ObligationMetric.DownMbps => m.DownMbps,
        ObligationMetric.UpMbps => m.UpMbps,
        ObligationMetric.LatencyMs => m.LatencyMs,
        ObligationMetric.LossPct => m.LossPct,
        _ => null,
    };

    public bool Equals(Obligation? o) => o is not null && ObligationJson.Write(this) == ObligationJson.Write(o) && Version == o.Version;

    public override int GetHashCode() => HashCode.Combine(Id, Version, Threshold);
}

public static class ObligationNames
{
    public static string WireName(this ObligationMetric m) => m switch
    {
        ObligationMetric.DownMbps => "down_mbps",
        ObligationMetric.UpMbps => "up_mbps",
        ObligationMetric.LatencyMs => "latency_ms",
        ObligationMetric.LossPct => "loss_pct",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    public static ObligationMetric? ParseMetric(string? s) => s switch
    {
        "down_mbps" => ObligationMetric.DownMbps,
        "up_mbps" => ObligationMetric.UpMbps,
        "latency_ms" => ObligationMetric.LatencyMs,
        "loss_pct" => ObligationMetric.LossPct,
        _ => null,
    };

    public static string WireName(this ObligationRule r) => r switch
    {
        ObligationRule.ShareAtLeast => "share_at_least",
        ObligationRule.QuantileAtLeast => "quantile_at_least",
        ObligationRule.MedianAtMost => "median_at_most",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    public static ObligationRule? ParseRule(string? s) => s switch
    {
        "share_at_least" => ObligationRule.ShareAtLeast,
        "quantile_at_least" => ObligationRule.QuantileAtLeast,
        "median_at_most" => ObligationRule.MedianAtMost,
        _ => null,
    };

    public static string WireName(this UnitKey k) => k switch
    {
        UnitKey.Operator => "operator",
        UnitKey.Region => "region",
        UnitKey.Settlement => "settlement",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static UnitKey? ParseUnit(string? s) => s switch
    {
        "operator" => UnitKey.Operator,
        "region" => UnitKey.Region,
        "settlement" => UnitKey.Settlement,
        _ => null,
    };
}
