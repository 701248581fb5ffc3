using Dala.Registry.Model;

namespace Dala.Quality.Obligations;

/// <summary>
/// The set stored when a store has none. The threshold is cited: the ministry's 2022 requirement of at least 5 Mbit/s
/// download on 4G (mobile broadband in settlements). The share (90% of tests) and the confidence (95%) are Dala's
/// assumption, not the regulator's, and are said so in the note; edit them as new versions.
/// </summary>
public static class DefaultObligations
{
    public const string Actor = "dala (default set)";

    public static IReadOnlyList<Obligation> All { get; } =
    [
        new()
        {
            Id = "4g-down-5", Technology = Technology.FourG, Metric = ObligationMetric.DownMbps, Rule = ObligationRule.ShareAtLeast,
            Threshold = 5, Share = 0.9, Confidence = 0.95, By = [UnitKey.Operator, UnitKey.Region],
            Note = "4G download at least 5 Mbit/s: the ministry's 2022 requirement. The share (90% of tests) and the confidence (95%) are Dala's assumption.",
        },
        new()
        {
            Id = "4g-down-p10", Technology = Technology.FourG, Metric = ObligationMetric.DownMbps, Rule = ObligationRule.QuantileAtLeast,
            Threshold = 5, Quantile = 0.1, Confidence = 0.95, By = [UnitKey.Operator, UnitKey.Region],
            Note = "The 10th percentile of 4G download at least 5 Mbit/s: Dala's reading of the same requirement as a quantile (assumption).",
        },
        new()
        {
            Id = "4g-latency-median", Technology = Technology.FourG, Metric = ObligationMetric.LatencyMs, Rule = ObligationRule.MedianAtMost,
            Threshold = 100, Confidence = 0.95, By = [UnitKey.Operator, UnitKey.Region],
            Note = "Median 4G latency at most 100 ms: Dala's assumption, not a cited requirement.",
        },
    ];
}
