using Dala.Registry.Progress;
using static Dala.Web.Report.ReportHtml;

namespace Dala.Web.Report;

/// <summary>Progress to the national targets (the registry's progress, rural settlements): shares, a bar chart with the targets, and each target's status.</summary>
public sealed class ProgressSection : IReportSection
{
    public RenderedSection? Render(ReportScope scope)
    {
        var p = scope.Data.Progress;
        var figures = scope.IsCountry ? p.National : p.Regions.FirstOrDefault(r => r.Code == scope.Region)?.Figures;
        if (figures is null || figures.Settlements == 0)
            return new RenderedSection("Progress to the targets", "<p class=\"muted\">No rural settlements in the registry here.</p>", false);
        var synthetic = p.Synthetic;
        double? TargetOf(string metric) => p.Targets.Where(t => t.Target.Metric == metric).Select(t => (double?)t.Target.Share * 100).FirstOrDefault();
        var bars = new[]
        {
            new ReportSvg.Bar("fibre", 100 * figures.Fibre.Share, TargetOf("fibre")),
            new ReportSvg.Bar("broadband", 100 * figures.Broadband.Share, TargetOf("broadband")),
            new ReportSvg.Bar("≥ 100 Mbps", 100 * figures.Mbps100.Share, TargetOf("mbps100")),
        };
        var head = $"<p>{N(figures.Settlements)} rural settlements, {N(figures.Population)} people (population known for {N(figures.PopulationKnown)}); " +
                   $"as of {p.AsOf:yyyy-MM-dd}.{Mark(synthetic)}</p>";
        var rows = p.Targets.Select(t =>
        {
            var share = figures.Metric(t.Target.Metric).Share;
            var met = TargetStatus.Meets(share, t.Target);
            var projected = scope.IsCountry && t.Projected is { } pr ? Pct(pr) + Mark(synthetic) : "";
            return new[] { E(t.Target.Label), Pct(share) + Mark(synthetic), met ? "met" : "not yet", projected };
        });
        var html = head + "<div class=\"row\">" + Img(ReportSvg.Bars(bars, synthetic), "Shares of rural settlements on fibre, broadband and at ≥ 100 Mbps, with the targets") +
                   "<div>" + Table(["target", "now", "status", scope.IsCountry ? "projected by the date" : ""], rows) + "</div></div>";
        return new RenderedSection("Progress to the targets", html, synthetic);
    }
}
