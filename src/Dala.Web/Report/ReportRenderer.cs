using System.Text;
using Dala.Quality.Obligations;
using Dala.Quality.Verdicts;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using static Dala.Web.Report.ReportHtml;

namespace Dala.Web.Report;

/// <summary>
/// THE report: one printable page for the country, then one per region, each made of the sections given (in order).
/// Self-contained HTML: charts are SVG images as data: URIs, no script; the stylesheet is embedded (the CLI's file) or
/// linked (the web's /report, where the same CSS is served as /report.css).
/// </summary>
public sealed class ReportRenderer(IReadOnlyList<IReportSection> sections)
{
    /// <summary>The sections every report has. Add one here (or give the renderer a longer list) to add it to every page.</summary>
    public static IReadOnlyList<IReportSection> DefaultSections() =>
        [new ProgressSection(), new PlanSection(), new VerdictsSection(), new PermitsSection(), new EventsSection(), new IndicatorsSection()];

    public static ReportRenderer Default { get; } = new(DefaultSections());

    /// <summary>Gathers what the sections read, once: progress, the latest plan, verdicts (when there are tests), indicators,
    /// permit requests, mass events with their capacity check.</summary>
    public static ReportData Gather(DalaWebSettings settings, RegistryView view, IndicatorSource indicators)
    {
        var progress = ProgressCalculator.Compute(view, "rural", null, settings.Targets);
        var header = indicators.LatestPlan();
        Period? period = null;
        IReadOnlyList<VerdictRow> verdicts = [];
        if (settings.Measurements is { } m && m.Counts().Valid > 0)
        {
            period = new Period(view.AsOf.AddDays(-ReportData.VerdictDays), view.AsOf.AddDays(-1));
            var obligations = settings.Obligations?.Current() is { Count: > 0 } current ? current : DefaultObligations.All;
            verdicts = VerdictEngine.Compute(m, obligations, period.Value, new Sampling(false, SourceMode.All));
        }
        return new ReportData(view, progress, header, period, verdicts, indicators.Board(view))
        {
            Permits = settings.Permits?.List(Permits.Store.PermitFilter.All) ?? [],
            Events = settings.Events is { } events ? Events(events.List(), view) : [],
        };
    }

    private static ReportEvent[] Events(IReadOnlyList<Dala.Events.Model.MassEvent> events, RegistryView view)
    {
        var regions = new Geo.PolygonLocator<string>(view.Snapshot.Regions.Where(r => r.Area is not null)
            .OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Area!)));
        return [.. events.Select(e => new ReportEvent(e, regions.TryLocate(e.Place.Centre, out var code) ? code : null,
            Dala.Events.Capacity.EventCapacityRun.Run(e, view.Snapshot, Dala.Events.Capacity.DemandAssumptions.Default,
                Dala.Events.Capacity.CapacityAssumptions.Default)))];
    }

    /// <summary>The report as HTML. <paramref name="stylesheet"/>: a URL to link, or null to embed the CSS.</summary>
    public string Render(ReportData data, string? stylesheet)
    {
        var scopes = new List<ReportScope> { new(null, "Kazakhstan", data) };
        scopes.AddRange(data.View.Snapshot.Regions.OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new ReportScope(r.Code, data.View.RegionName(r.Code), data)));
        var s = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        s.Append($"<title>Dala report, {data.AsOf:yyyy-MM-dd}</title><link rel=\"icon\" href=\"data:,\">");
        s.Append(stylesheet is null ? $"<style>{ReportStyle.Css}</style>" : $"<link rel=\"stylesheet\" href=\"{E(stylesheet)}\">");
        s.Append("</head><body>");
        foreach (var scope in scopes)
        {
            var rendered = sections.Select(x => x.Render(scope)).OfType<RenderedSection>().ToArray();
            var synthetic = rendered.Any(r => r.Synthetic);
            s.Append($"<section class=\"page\" data-region=\"{E(scope.Region ?? "KZ")}\">");
            s.Append($"<header><h1>{E(scope.Name)}{(scope.IsCountry ? "" : $" <small>{E(scope.Region)}</small>")}</h1>");
            s.Append($"<p class=\"muted\">Broadband programme report as of {data.AsOf:yyyy-MM-dd} · Dala");
            if (synthetic) s.Append(" · <span class=\"synthetic\">contains synthetic figures, marked \"synthetic\"</span>");
            s.Append("</p></header>");
            foreach (var r in rendered)
                s.Append($"<div class=\"section\"><h2>{E(r.Title)}{Mark(r.Synthetic)}</h2>{r.Html}</div>");
            s.Append("</section>");
        }
        return s.Append("</body></html>\n").ToString();
    }
}
