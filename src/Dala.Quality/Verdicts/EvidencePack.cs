using System.Globalization;
using System.Net;
using System.Text;
using Dala.Geo.Io;
using Dala.Quality.Model;
using Dala.Quality.Obligations;
using Dala.Registry.Model;

namespace Dala.Quality.Verdicts;

/// <summary>
/// The evidence behind one verdict: the rule and its version, the unit, the counted tests, and what they say. Written as a
/// self-contained printable HTML page (interval, histogram and map as inline SVG; CSS for print) and as CSV of the tests.
/// </summary>
public sealed record EvidencePack(Obligation Obligation, VerdictUnit Unit, Period Period, Sampling Sampling, IReadOnlyList<Measurement> Tests, Judgement Judgement, DateTimeOffset CreatedAt)
{
    public static EvidencePack Build(Obligation o, VerdictUnit unit, Period period, Sampling sampling, IReadOnlyList<Measurement> tests, DateTimeOffset at) =>
        new(o, unit, period, sampling, tests, VerdictEngine.JudgeGroup(o, tests.Select(m => o.ValueOf(m)!.Value).ToList()), at);

    private static string R(double? d) => VerdictCsv.R(d);
    private static string F(double d, string format = "0.###") => double.IsFinite(d) ? d.ToString(format, CultureInfo.InvariantCulture) : d > 0 ? "+∞" : "−∞";
    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>Whether a test is on the good side of the threshold: at or above it (at or below for median_at_most).</summary>
    private bool AtOrAbove(Measurement m) => Obligation.ValueOf(m) >= Obligation.Threshold;

    public void WriteCsv(TextWriter w)
    {
        var csv = new CsvWriter(w);
        csv.Row("id", "time", "operator", "region", "settlement", "source", "lon", "lat", "value", "at_or_above");
        foreach (var m in Tests)
            csv.Row(m.Id, m.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), m.OperatorId, m.RegionCode, m.SettlementId,
                m.Source.WireName(), R(m.Location?.Lon), R(m.Location?.Lat), R(Obligation.ValueOf(m)), AtOrAbove(m) ? "true" : "false");
    }

    public string Html()
    {
        var o = Obligation;
        var j = Judgement;
        var s = new StringBuilder();
        var title = $"Evidence: {o.Id} v{o.Version} — {Unit.Operator} {Unit.Region} {Unit.Settlement}".TrimEnd();
        s.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
         .Append("<title>").Append(H(title)).Append("</title><style>")
         .Append("body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#111}h1{font-size:1.3rem}table{border-collapse:collapse;font-size:12px}")
         .Append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}.v-violation{color:#b00020}.v-compliant{color:#1b7f3a}.v-inconclusive{color:#555}")
         .Append("svg{max-width:100%;height:auto;border:1px solid #ddd;margin:.5rem 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{font-weight:600}")
         .Append("@media print{body{margin:0}a{color:inherit;text-decoration:none}.noprint{display:none}section{break-inside:avoid}}</style></head><body>");
        s.Append("<h1>").Append(H(title)).Append("</h1>");
        s.Append("<dl>");
        void Item(string k, string v) => s.Append("<dt>").Append(H(k)).Append("</dt><dd>").Append(H(v)).Append("</dd>");
        Item("Rule", RuleText(o));
        Item("Obligation version", o.Version.ToString(CultureInfo.InvariantCulture));
        if (o.Note is not null) Item("Note", o.Note);
        Item("Unit", $"operator {Or(Unit.Operator, "every operator")}, region {Or(Unit.Region, "(none)")}" + (o.By.Contains(UnitKey.Settlement) ? $", settlement {Or(Unit.Settlement, "(none)")}" : ""));
        Item("Period", $"{Period.From:yyyy-MM-dd} to {Period.To:yyyy-MM-dd} (UTC days, inclusive)");
        Item("Counted", $"valid, non-synthetic {o.Technology.WireName()} tests; sources: {Unit.Source}" + (Sampling.OnePerNetworkDay ? "; one test per client network per day" : ""));
        Item("n (tests)", j.N.ToString(CultureInfo.InvariantCulture));
        Item("k (at or above the threshold)", j.K.ToString(CultureInfo.InvariantCulture));
        Item("Estimate", j.Estimate is { } e ? F(e, "0.####") : "-");
        Item($"{F(o.Confidence * 100, "0.##")}% interval", $"[{F(j.Interval.Low, "0.######")}, {F(j.Interval.High, "0.######")}]");
        if (j.Verdict == VerdictKind.Inconclusive) Item("Further tests", j.FurtherTests is { } m ? $"about {m} more would likely decide" : j.FurtherReason ?? "-");
        Item("Generated", CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        s.Append("</dl>");
        s.Append("<p>Verdict: <strong class=\"v-").Append(Judgement.WireName(j.Verdict)).Append("\">").Append(Judgement.WireName(j.Verdict)).Append("</strong></p>");
        s.Append("<section><h2>Interval</h2>").Append(EvidenceSvg.Interval(this)).Append("</section>");
        s.Append("<section><h2>Histogram of ").Append(H(o.Metric.WireName())).Append("</h2>").Append(EvidenceSvg.Histogram(this)).Append("</section>");
        s.Append("<section><h2>Map of the tests</h2>").Append(EvidenceSvg.Map(this)).Append("</section>");
        s.Append("<section><h2>Tests</h2><table><thead><tr><th>id</th><th>time (UTC)</th><th>operator</th><th>region</th><th>settlement</th><th>source</th><th>")
         .Append(H(o.Metric.WireName())).Append("</th><th>at or above</th></tr></thead><tbody>");
        foreach (var m in Tests)
            s.Append("<tr><td>").Append(H(m.Id)).Append("</td><td>").Append(m.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
             .Append("</td><td>").Append(H(m.OperatorId)).Append("</td><td>").Append(H(m.RegionCode)).Append("</td><td>").Append(H(m.SettlementId))
             .Append("</td><td>").Append(H(m.Source.WireName())).Append("</td><td>").Append(F(o.ValueOf(m) ?? double.NaN, "0.##")).Append("</td><td>")
             .Append(AtOrAbove(m) ? "yes" : "no").Append("</td></tr>");
        s.Append("</tbody></table></section></body></html>");
        return s.ToString();
    }

    private static string Or(string s, string fallback) => s.Length == 0 ? fallback : s;

    public static string RuleText(Obligation o)
    {
        var who = o.Operator ?? "every operator";
        var t = F(o.Threshold, "0.###");
        return o.Rule switch
        {
            ObligationRule.ShareAtLeast => $"{who}, {o.Technology.WireName()}: at least {F(o.Share!.Value * 100, "0.##")}% of tests with {o.Metric.WireName()} >= {t}",
            ObligationRule.QuantileAtLeast => $"{who}, {o.Technology.WireName()}: the {F(o.RuleQuantile * 100, "0.##")}th percentile of {o.Metric.WireName()} >= {t}",
            _ => $"{who}, {o.Technology.WireName()}: the median {o.Metric.WireName()} <= {t}",
        } + $"; two-sided {F(o.Confidence * 100, "0.##")}% confidence";
    }
}
