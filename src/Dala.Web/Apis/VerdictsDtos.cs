using System.Text.Json.Serialization;
using Dala.Quality.Obligations;
using Dala.Quality.Verdicts;
using Dala.Registry.Model;

namespace Dala.Web.Apis;

/// <summary>An obligation as the API shows it (snake_case, as in obligation files).</summary>
public sealed record VerdictObligationDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("operator")] string? Operator,
    [property: JsonPropertyName("technology")] string Technology,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("share")] double? Share,
    [property: JsonPropertyName("quantile")] double? Quantile,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("by")] string[] By,
    [property: JsonPropertyName("effective_from")] DateOnly? EffectiveFrom,
    [property: JsonPropertyName("effective_to")] DateOnly? EffectiveTo,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("rule_text")] string RuleText)
{
    public static VerdictObligationDto Of(Obligation o) => new(o.Id, o.Version, o.Operator, o.Technology.WireName(), o.Metric.WireName(), o.Rule.WireName(),
        o.Threshold, o.Share, o.Rule == ObligationRule.ShareAtLeast ? null : o.RuleQuantile, o.Confidence, [.. o.By.Select(k => k.WireName())],
        o.EffectiveFrom, o.EffectiveTo, o.Note, EvidencePack.RuleText(o));
}

public sealed record ObligationVersionDto(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("obligation")] VerdictObligationDto Obligation);

/// <summary>One verdict row; an interval bound the data cannot give (an open order-statistic bound) is null.</summary>
public sealed record VerdictDto(
    [property: JsonPropertyName("obligation")] string Obligation,
    [property: JsonPropertyName("obligation_version")] int ObligationVersion,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("required")] double Required,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("settlement")] string Settlement,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("n")] long N,
    [property: JsonPropertyName("k")] long K,
    [property: JsonPropertyName("estimate")] double? Estimate,
    [property: JsonPropertyName("ci_low")] double? CiLow,
    [property: JsonPropertyName("ci_high")] double? CiHigh,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("further_tests")] long? FurtherTests,
    [property: JsonPropertyName("further_reason")] string? FurtherReason)
{
    private static double? Finite(double d) => double.IsFinite(d) ? d : null;

    public static VerdictDto Of(VerdictRow r)
    {
        var o = r.Obligation;
        var j = r.Judgement;
        return new(o.Id, o.Version, o.Rule.WireName(), o.Metric.WireName(), o.Threshold, o.Rule == ObligationRule.ShareAtLeast ? o.Share!.Value : o.Threshold,
            o.Confidence, r.Unit.Operator, r.Unit.Region, r.Unit.Settlement, r.Unit.Source, j.N, j.K, j.Estimate, Finite(j.Interval.Low), Finite(j.Interval.High),
            Judgement.WireName(j.Verdict), j.FurtherTests, j.FurtherReason);
    }
}

public sealed record SampleSizeDto(
    [property: JsonPropertyName("share")] double Share,
    [property: JsonPropertyName("expected")] double Expected,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("power")] double Power,
    [property: JsonPropertyName("n")] int? N,
    [property: JsonPropertyName("k_low")] long? KLow,
    [property: JsonPropertyName("k_high")] long? KHigh,
    [property: JsonPropertyName("decides")] string? Decides,
    [property: JsonPropertyName("probability")] double? Probability,
    [property: JsonPropertyName("reason")] string? Reason);
