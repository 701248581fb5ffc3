using Dala.Quality.Verdicts;
using static Dala.Web.Report.ReportHtml;

namespace Dala.Web.Report;

/// <summary>Compliance verdicts (Dala.Quality) of the last days, when there are tests: counts per verdict and the violations.</summary>
public sealed class VerdictsSection : IReportSection
{
    public const int ViolationsListed = 6;

    public RenderedSection? Render(ReportScope scope)
    {
        if (scope.Data.VerdictPeriod is not { } period) return null;
        var rows = scope.Data.Verdicts.Where(v => scope.IsCountry || v.Unit.Region == scope.Region).ToArray();
        var title = $"Compliance verdicts, {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}";
        if (rows.Length == 0)
            return scope.IsCountry ? new RenderedSection(title, "<p class=\"muted\">No counted tests in the period: no verdicts.</p>", false) : null;
        int Count(VerdictKind k) => rows.Count(r => r.Judgement.Verdict == k);
        var head = $"<p>{N(rows.Length)} verdicts: <b>{Count(VerdictKind.Violation)}</b> violations, {Count(VerdictKind.Compliant)} compliant, " +
                   $"{Count(VerdictKind.Inconclusive)} inconclusive (valid, non-synthetic tests only).</p>";
        var violations = rows.Where(r => r.Judgement.Verdict == VerdictKind.Violation).ToArray();
        if (violations.Length == 0) return new RenderedSection(title, head, false);
        var table = Table(["obligation", "operator", "region", "tests", "estimate", "interval"],
            violations.Take(ViolationsListed).Select(v => new[]
            {
                E(v.Obligation.Id), E(v.Unit.Operator), E(v.Unit.Region), N(v.Judgement.N), v.Judgement.Estimate is { } e ? N(e, "0.###") : "",
                $"[{Bound(v.Judgement.Interval.Low)}, {Bound(v.Judgement.Interval.High)}]",
            }));
        var more = violations.Length > ViolationsListed ? $"<p class=\"muted\">… and {violations.Length - ViolationsListed} more violations.</p>" : "";
        return new RenderedSection(title, head + table + more, false);
    }

    private static string Bound(double v) => double.IsFinite(v) ? N(v, "0.###") : "–";
}
