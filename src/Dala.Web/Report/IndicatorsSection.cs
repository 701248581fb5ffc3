using Dala.Registry.Indicators;
using static Dala.Web.Report.ReportHtml;

namespace Dala.Web.Report;

/// <summary>
/// Indicators with targets: for the country, a chart per indicator (reported and derived values, the target line and
/// date) and the latest reported headline figures with their sources; for a region, its derived values against the targets.
/// </summary>
public sealed class IndicatorsSection : IReportSection
{
    public RenderedSection? Render(ReportScope scope)
    {
        var board = scope.Data.Indicators;
        return scope.IsCountry ? Country(board) : Region(board, scope.IndicatorRegion);
    }

    private static RenderedSection? Country(IReadOnlyList<IndicatorSeries> board)
    {
        var targeted = board.Where(s => s.Indicator.Target is not null).ToArray();
        var charts = string.Concat(targeted.Select(s =>
            $"<figure><figcaption>{E(s.Indicator.Name)} ({E(s.Indicator.Unit)}){Mark(s.For(IndicatorPoint.National).Synthetic)}</figcaption>" +
            Img(ReportSvg.Series(s, IndicatorPoint.National), $"{s.Indicator.Name}: values and target") + "</figure>"));
        var sources = new List<string>();
        int Cite(string source)
        {
            var i = sources.IndexOf(source);
            if (i < 0) { sources.Add(source); i = sources.Count - 1; }
            return i + 1;
        }
        var reported = board.Select(s => (s.Indicator, Last: s.Latest(IndicatorPoint.National, derived: false)))
            .Where(x => x.Last is not null && !x.Indicator.Id.StartsWith("ookla-", StringComparison.Ordinal)).ToArray();
        var rows = reported.Select(x => new[]
        {
            E(x.Indicator.Name), N(x.Last!.Value) + " " + E(x.Indicator.Unit) + Mark(x.Last.Synthetic), x.Last.Date.ToString("yyyy-MM-dd"),
            $"[{Cite(x.Last.Source)}]{(x.Last.Note?.Contains("uncertain", StringComparison.Ordinal) == true ? " †" : "")}",
        }).ToArray();
        if (targeted.Length == 0 && rows.Length == 0) return null;
        var notes = string.Concat(sources.Select((s, i) => $"<li>[{i + 1}] {E(s)}</li>"));
        var html = $"<div class=\"charts\">{charts}</div>" +
                   (rows.Length == 0 ? "" : Table(["reported figure", "value", "date", "source"], rows, "compact") +
                    $"<ol class=\"sources\">{notes}</ol><p class=\"muted\">† exact citation uncertain (document, page or date assumed). " +
                    "Ookla's quarterly series are on the Indicators page.</p>");
        return new RenderedSection("Indicators and targets", html, board.Any(s => s.Synthetic));
    }

    private static RenderedSection? Region(IReadOnlyList<IndicatorSeries> board, string region)
    {
        var rows = board.Select(s => (s.Indicator, Last: s.Latest(region, derived: true) ?? s.Latest(region, derived: false)))
            .Where(x => x.Last is not null)
            .Select(x => new[]
            {
                E(x.Indicator.Name), N(x.Last!.Value) + " " + E(x.Indicator.Unit) + Mark(x.Last.Synthetic), x.Last.Derived ? "derived" : "reported",
                x.Indicator.Target is { } t ? $"{N(t)} {E(x.Indicator.Unit)}{(x.Indicator.TargetDate is { } d ? $" by {d:yyyy-MM-dd}" : "")}" : "",
            }).ToArray();
        if (rows.Length == 0) return null;
        return new RenderedSection("Indicators", Table(["indicator", "value", "kind", "national target"], rows, "compact"),
            rows.Any(r => r[1].Contains(SyntheticMark, StringComparison.Ordinal)));
    }
}
