using Dala.Rollout.Plans;
using static Dala.Web.Report.ReportHtml;

namespace Dala.Web.Report;

/// <summary>The latest saved rollout plan's next year (the first plan year after the report's date): what is built and what it costs.</summary>
public sealed class PlanSection : IReportSection
{
    private const string Title = "The plan's next year";

    public RenderedSection? Render(ReportScope scope)
    {
        var plan = scope.Data.Plan;
        if (plan is null)
            return scope.IsCountry ? new RenderedSection(Title, "<p class=\"muted\">No rollout plan has been saved yet.</p>", false) : null;
        var year = NextYear(plan.Summary, scope.Data.AsOf);
        var syn = Mark(plan.Synthetic);
        var head = $"<p>Plan #{plan.Id} \"{E(plan.Name)}\" (saved {plan.CreatedAt:yyyy-MM-dd}, {E(plan.Summary.Mode)}){syn}. ";
        if (year is null) return new RenderedSection(Title, head + $"It ends in {plan.Summary.LastYear}: nothing planned after {scope.Data.AsOf.Year}.</p>", plan.Synthetic);
        if (scope.IsCountry)
        {
            var y = plan.Summary.Years.First(x => x.Year == year);
            var rows = new[]
            {
                new[] { "settlements connected", N(y.SettlementsConnected) + syn },
                ["capex, bn tenge", N(y.CapexTenge / 1e9, "#,0.00") + syn],
                ["fibre laid, km", N(y.FibreKm, "#,0") + syn],
                ["sites built or upgraded", N(y.Sites) + syn],
                ["rural settlements on broadband at the year's end", Pct(y.BroadbandShare) + syn],
                ["rural settlements at ≥ 100 Mbps at the year's end", Pct(y.Mbps100Share) + syn],
            };
            return new RenderedSection($"{Title}: {year}", head + "</p>" + Table(["", year.ToString()!], rows), plan.Synthetic);
        }
        var lines = plan.Summary.RegionYears.Where(r => r.Region == scope.Region && r.Year == year).OrderBy(r => r.Technology, StringComparer.Ordinal).ToArray();
        if (lines.Length == 0) return new RenderedSection($"{Title}: {year}", head + $"Nothing is planned here in {year}.</p>", plan.Synthetic);
        var table = Table(["technology", "settlements", "capex, m tenge"],
            lines.Select(l => new[] { E(l.Technology), N(l.Settlements) + syn, N(l.CapexTenge / 1e6, "#,0.0") + syn }));
        return new RenderedSection($"{Title}: {year}", head + "</p>" + table, plan.Synthetic);
    }

    public static int? NextYear(PlanSummary summary, DateOnly asOf) =>
        summary.Years.Select(y => y.Year).Where(y => y > asOf.Year).Order().Select(y => (int?)y).FirstOrDefault();
}
