using Dala.Registry.Indicators;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Dala.Registry.Store;
using Dala.Rollout.Plans;
using Dala.Web.Report;

namespace Dala.Web.Tests;

/// <summary>The report is a list of sections behind one method: an added section renders on every page that it answers for.</summary>
public sealed class ReportSectionTests
{
    private sealed class OnlyRegion(string code) : IReportSection
    {
        public RenderedSection? Render(ReportScope scope) =>
            scope.Region == code ? new RenderedSection("Permits waiting", "<p>3 waiting</p>", Synthetic: true) : null;
    }

    [Fact]
    public void An_added_section_renders_where_it_answers_and_its_synthetic_figures_are_marked()
    {
        var snapshot = new RegistrySnapshot(1, [new Registry.Model.Region("KZ-AKM", new Registry.Model.Names("Akmola"), null, "test"),
            new Registry.Model.Region("KZ-ALM", new Registry.Model.Names("Almaty Region"), null, "test")], [], [], [], [], [], null, null);
        var view = new RegistryView(snapshot, new DateOnly(2026, 11, 21));
        var data = new ReportData(view, ProgressCalculator.Compute(view, "rural", null, Target.Defaults), null, null, [],
            IndicatorBoard.Combine(DefaultIndicators.All, IndicatorSet.Empty));
        var html = new ReportRenderer([.. ReportRenderer.DefaultSections(), new OnlyRegion("KZ-ALM")]).Render(data, "/x.css");
        var pages = html.Split("<section class=\"page\"")[1..];
        Assert.Equal(3, pages.Length);
        Assert.DoesNotContain("Permits waiting", pages[0]);
        Assert.DoesNotContain("Permits waiting", pages[1]);
        Assert.Contains("<h2>Permits waiting <span class=\"synthetic\">synthetic</span></h2><p>3 waiting</p>", pages[2]);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/x.css\">", html);
        // The country page's reported figures cite their sources; uncertain citations are flagged.
        Assert.Contains("Government of Kazakhstan, broadband programme documents", pages[0]);
        Assert.Contains("† exact citation uncertain", pages[0]);
    }

    [Fact]
    public void The_plan_section_shows_the_year_after_the_report_date_for_the_country_and_per_region()
    {
        PlanYear Year(int y, int n, double km) => new(y, n, n * 1e8, 0, km, 2, 0, 0, 0, 0, 0, 0.5 + (y - 2026) * 0.1, 0.3);
        var summary = new PlanSummary("heuristic", new DateOnly(2026, 11, 21), 2026, 2028, 40, 9000, 1, 1, 1, 0, false, [],
            [Year(2026, 10, 100), Year(2027, 20, 250), Year(2028, 10, 50)],
            [new RegionYearCost("KZ-AKM", 2027, "fibre", 3.5e6, 7), new RegionYearCost("KZ-AKM", 2026, "fibre", 9e6, 9)], [], [], [], "", 0);
        var plan = new RolloutPlan(7, "Baseline", DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), true, "{}", summary, [], [], [], []);
        var snapshot = new RegistrySnapshot(1, [new Registry.Model.Region("KZ-AKM", new Registry.Model.Names("Akmola"), null, "t"),
            new Registry.Model.Region("KZ-ALM", new Registry.Model.Names("Almaty Region"), null, "t")], [], [], [], [], [], null, null);
        var view = new RegistryView(snapshot, new DateOnly(2026, 11, 21));
        var data = new ReportData(view, ProgressCalculator.Compute(view, "rural", null, Target.Defaults), plan, null, [], []);
        Assert.Equal(2027, PlanSection.NextYear(summary, view.AsOf));
        var country = new PlanSection().Render(new ReportScope(null, "Kazakhstan", data))!;
        Assert.Equal("The plan's next year: 2027", country.Title);
        Assert.True(country.Synthetic);
        Assert.Contains("<td>fibre laid, km</td><td>250 <span class=\"synthetic\">synthetic</span></td>", country.Html);
        Assert.Contains("<td>settlements connected</td><td>20 <span", country.Html);
        var akmola = new PlanSection().Render(new ReportScope("KZ-AKM", "Akmola", data))!;
        Assert.Contains("<td>fibre</td><td>7 <span class=\"synthetic\">synthetic</span></td><td>3.5 <span", akmola.Html);
        Assert.Contains("Nothing is planned here in 2027.", new PlanSection().Render(new ReportScope("KZ-ALM", "Almaty", data))!.Html);
        Assert.Null(new PlanSection().Render(new ReportScope("KZ-ALM", "Almaty", data with { Plan = null })));
        Assert.Null(PlanSection.NextYear(summary, new DateOnly(2028, 3, 1)));
    }
}
