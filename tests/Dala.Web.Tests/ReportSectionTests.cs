using Dala.Registry.Indicators;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Dala.Registry.Store;
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
}
