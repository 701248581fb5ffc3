using System.Globalization;
using Dala.Geo.Io;
using Dala.Quality.Obligations;

namespace Dala.Quality.Verdicts;

/// <summary>
/// Verdicts as CSV: the pinned columns first (obligation, operator, region, n, k, estimate, ci_low, ci_high, verdict), then
/// the unit's other keys, the rule as judged, the further tests and the period judged (so that a case opened from the file
/// knows its period). Numbers round-trip ("R", invariant); an interval bound
/// the data cannot give is -Infinity or Infinity.
/// </summary>
public static class VerdictCsv
{
    public static readonly string[] Header =
        ["obligation", "operator", "region", "n", "k", "estimate", "ci_low", "ci_high", "verdict", "settlement", "source", "rule", "metric",
         "threshold", "share", "quantile", "confidence", "obligation_version", "further_tests", "further_reason", "from", "to"];

    public static void Write(TextWriter w, IEnumerable<VerdictRow> rows, Period period)
    {
        var csv = new CsvWriter(w);
        csv.Row(Header);
        foreach (var r in rows)
        {
            var o = r.Obligation;
            var j = r.Judgement;
            csv.Row(o.Id, r.Unit.Operator, r.Unit.Region, N(j.N), N(j.K), R(j.Estimate), R(j.Interval.Low), R(j.Interval.High), Judgement.WireName(j.Verdict),
                r.Unit.Settlement, r.Unit.Source, o.Rule.WireName(), o.Metric.WireName(), R(o.Threshold), R(o.Share),
                o.Rule == ObligationRule.ShareAtLeast ? "" : R(o.RuleQuantile), R(o.Confidence), N(o.Version), j.FurtherTests is { } m ? N(m) : "", j.FurtherReason ?? "",
                Day(period.From), Day(period.To));
        }
    }

    public static string R(double? d) => d is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
