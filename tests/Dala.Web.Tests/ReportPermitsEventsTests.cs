using Dala.Events.Capacity;
using Dala.Events.Model;
using Dala.Geo;
using Dala.Permits.Model;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Dala.Registry.Store;
using Dala.Web.Report;

namespace Dala.Web.Tests;

/// <summary>The report's permits and events: each page shows its region's requests waiting (those past their SLA, who
/// holds them) and its events with the deficit and the advice; synthetic events are marked; nothing where there is none.</summary>
public sealed class ReportPermitsEventsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 21);

    [Fact]
    public void Permits_waiting_and_events_show_on_their_region_and_the_country_pages()
    {
        var snapshot = new RegistrySnapshot(1, [new Registry.Model.Region("KZ-11", new Registry.Model.Names("Akmola"), null, "t"),
            new Registry.Model.Region("KZ-71", new Registry.Model.Names("Astana"), null, "t")], [], [], [], [], [], null, null);
        var view = new RegistryView(snapshot, AsOf);
        var permits = new[]
        {
            // Waiting for land since opened 200 days ago (SLA 60): 140 days over, held by the regional administration.
            new PermitRequest("SYN-1", "kcell", "KZ-11", AsOf.AddDays(-200)),
            new PermitRequest("SYN-2", "beeline", "KZ-11", AsOf.AddDays(-300), LandAllotted: AsOf.AddDays(-280), PowerConnected: AsOf.AddDays(-250),
                DesignApproved: AsOf.AddDays(-240), PermitIssued: AsOf.AddDays(-230), Built: AsOf.AddDays(-200), OnAir: AsOf.AddDays(-190)),
            new PermitRequest("SYN-3", "kcell", "KZ-11", AsOf.AddDays(5)), // opened after the report date: left out
        };
        var concert = new MassEvent("arena", "Concert at the arena", EventPlace.Circle(new LonLat(71.4021, 51.1081), 0.3),
            new DateTimeOffset(2026, 11, 14, 19, 0, 0, TimeSpan.FromHours(5)), new DateTimeOffset(2026, 11, 14, 23, 0, 0, TimeSpan.FromHours(5)), 30_000, true);
        var op = new OperatorCapacity("kcell", 1, 1526, 3, 300, 1226, 3, 9, 10, 1320);
        var capacity = new EventCapacity("arena", 1526, DemandAssumptions.Default, CapacityAssumptions.Default, [op], [], true);
        var data = new ReportData(view, ProgressCalculator.Compute(view, "rural", null, Target.Defaults), null, null, [], [])
        {
            Permits = permits,
            Events = [new ReportEvent(concert, "KZ-71", capacity)],
        };
        var html = new ReportRenderer(ReportRenderer.DefaultSections()).Render(data, "/report.css");
        var pages = html.Split("<section class=\"page\"")[1..];
        Assert.Equal(3, pages.Length); // the country, KZ-11, KZ-71

        Assert.Contains("<p>2 requests, <b>1</b> not on air yet, <b>1</b> past their stage's SLA", pages[1]);
        Assert.Contains("<td>SYN-1</td><td>kcell</td>", pages[1]);
        Assert.Contains("<td>140</td>", pages[1]);
        Assert.DoesNotContain("SYN-3", html);
        Assert.DoesNotContain("Mast permits waiting", pages[2]);
        Assert.Contains("Mast permits waiting", pages[0]);

        Assert.Contains("<h2>Mass events <span class=\"synthetic\">synthetic</span></h2>", pages[2]);
        Assert.Contains("Concert at the arena <span class=\"synthetic\">synthetic</span>", pages[2]);
        Assert.Contains("<td>30,000</td><td>1,526</td><td>1,226</td><td>kcell: 3 carriers + 9 COWs</td>", pages[2]);
        Assert.Contains("Concert at the arena", pages[0]);
        Assert.DoesNotContain("Mass events", pages[1]);
    }
}
