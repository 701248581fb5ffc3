using Dala.Quality.Verdicts;
using Dala.Registry.Indicators;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Dala.Rollout.Plans;

namespace Dala.Web.Report;

/// <summary>
/// What every section of the report may read, gathered once per report: today's registry view and progress, the latest
/// saved plan, the compliance verdicts of the last <see cref="ReportData.VerdictDays"/> days (when there are tests), the
/// indicators (reported and derived), the mast permit requests and the mass events.
/// </summary>
public sealed record ReportData(
    RegistryView View,
    ProgressReport Progress,
    RolloutPlan? Plan,
    Period? VerdictPeriod,
    IReadOnlyList<VerdictRow> Verdicts,
    IReadOnlyList<IndicatorSeries> Indicators)
{
    public const int VerdictDays = 90;

    /// <summary>Mast permit requests (empty when the host keeps none).</summary>
    public IReadOnlyList<Dala.Permits.Model.PermitRequest> Permits { get; init; } = [];

    /// <summary>Mass events with their region and capacity check (empty when the host keeps none).</summary>
    public IReadOnlyList<ReportEvent> Events { get; init; } = [];

    public DateOnly AsOf => View.AsOf;
}

/// <summary>One page of the report: the country (<see cref="Region"/> null) or one region.</summary>
public sealed record ReportScope(string? Region, string Name, ReportData Data)
{
    public bool IsCountry => Region is null;

    /// <summary>The region key of indicator values: "" for the country.</summary>
    public string IndicatorRegion => Region ?? IndicatorPoint.National;
}

/// <summary>A rendered section: its title and its HTML (already encoded), and whether any figure in it is synthetic.</summary>
public sealed record RenderedSection(string Title, string Html, bool Synthetic);

/// <summary>
/// One section of the report. A section renders for one page (the country or a region) or returns null when it has
/// nothing to say there. Add a section by adding it to the list given to <see cref="ReportRenderer"/>.
/// </summary>
public interface IReportSection
{
    RenderedSection? Render(ReportScope scope);
}
