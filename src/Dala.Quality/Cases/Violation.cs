using System.Globalization;

namespace Dala.Quality.Cases;

/// <summary>
/// The violation a case is about: which obligation (id and version) an operator failed, in which unit (region,
/// optionally a settlement) and period, and the evidence: n tests, k of them meeting the obligation, the estimate
/// and its confidence interval. Synthetic when the evidence was synthetic (then every view labels the case so).
/// </summary>
public sealed record Violation(
    string ObligationId,
    int? ObligationVersion,
    string Operator,
    string Region,
    string? Settlement,
    DateOnly? From,
    DateOnly? To,
    long N,
    long K,
    double? Estimate,
    double? CiLow,
    double? CiHigh,
    bool Synthetic)
{
    /// <summary>Two violations with the same key are the same matter: one open case at a time.</summary>
    public string Key => string.Join("|", ObligationId, ObligationVersion?.ToString(CultureInfo.InvariantCulture) ?? "", Operator, Region,
        Settlement ?? "", Date(From), Date(To));

    /// <summary>"KZ-11" or "KZ-11 / settlement".</summary>
    public string Unit => Settlement is null ? Region : $"{Region} / {Settlement}";

    public string Period => From is null && To is null ? "-" : $"{Date(From)}..{Date(To)}";

    /// <summary>What is wrong with the figures, each as (field, reason); empty when the violation can be opened.</summary>
    public IReadOnlyList<(string Field, string Reason)> Problems()
    {
        var p = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(ObligationId)) p.Add(("obligation", "empty"));
        if (ObligationVersion is < 1) p.Add(("version", $"{ObligationVersion} is not a version >= 1"));
        if (string.IsNullOrWhiteSpace(Operator)) p.Add(("operator", "empty"));
        if (string.IsNullOrWhiteSpace(Region)) p.Add(("region", "empty"));
        if (From is null != To is null) p.Add((From is null ? "from" : "to", "give both from and to, or neither"));
        if (From > To) p.Add(("to", $"{Date(To)} is before from {Date(From)}"));
        if (N < 1) p.Add(("n", $"{N} is not a count >= 1"));
        if (K < 0 || K > N) p.Add(("k", $"{K} is not within [0, n = {N}]"));
        foreach (var (name, v) in new[] { ("estimate", Estimate), ("ci_low", CiLow), ("ci_high", CiHigh) })
            if (v is { } x && !double.IsFinite(x)) p.Add((name, "not a finite number"));
        if (CiLow is { } lo && CiHigh is { } hi && lo > hi) p.Add(("ci_high", FormattableString.Invariant($"{hi} is below ci_low {lo}")));
        return p;
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
