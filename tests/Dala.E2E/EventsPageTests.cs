using Dala.Events.Synthetic;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.Playwright;

namespace Dala.E2E;

/// <summary>The live app with the SYNTHETIC Astana Arena concert: its masts, the event, and its synthetic tests.</summary>
public sealed class EventsServer : LiveServer
{
    protected override void Prepare(SqliteRegistryStore store)
    {
        var e = AstanaArenaDemo.Event(Clock.Now);
        AstanaArenaDemo.PlaceSites(store, Clock);
        new SqliteEventStore(store).Add(e, "e2e", Clock.Now);
        Quality.Store.MeasurementStoreExtensions.Append(new SqliteMeasurementStore(store), SyntheticEventTests.Measurements(AstanaArenaDemo.Tests(e)), []);
    }

    protected override DalaWebSettings Settings(SqliteRegistryStore store) => base.Settings(store) with { Events = new SqliteEventStore(store) };
}

/// <summary>The Events view in real Chromium: the event's deficit per operator with the advice, the disrupted operator, the SYNTHETIC badge.</summary>
public class EventsPageTests(EventsServer server) : IClassFixture<EventsServer>
{
    [ChromiumFact]
    public async Task The_event_page_shows_the_deficit_the_advice_and_the_disruption()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(server.Url + "/#events");
        try
        {
            await page.WaitForFunctionAsync("() => document.body.dataset.events === 'ready' && document.body.dataset.eventsChart === 'drawn'", null, new() { Timeout = 60000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the page did not get ready: events={await page.EvaluateAsync<string>("() => document.body.dataset.events + ' ' + document.body.dataset.eventsError")}; errors: {string.Join(" | ", errors)}");
        }

        Assert.Equal("1058.7", await page.EvaluateAsync<string>("() => document.body.dataset.eventsDeficit"));
        Assert.Contains("deficit 1,058.7 Mbit/s", await page.TextContentAsync("#ev-deficit"));
        Assert.Equal(3, await page.Locator("#ev-cap tbody tr").CountAsync());
        var b = await page.TextContentAsync("#ev-cap tbody tr[data-operator='synthetic-b']");
        Assert.Contains("486.6", b);
        Assert.Contains("1 extra carrier (+44 Mbit/s), then 4 COWs (+528 Mbit/s)", b);
        Assert.Equal("synthetic-b", await page.EvaluateAsync<string>("() => document.body.dataset.eventsFlagged"));
        Assert.Contains("Disrupted", await page.TextContentAsync("#ev-dis tbody tr[data-operator='synthetic-b']"));
        Assert.True(await page.IsVisibleAsync("#ev-title .badge-synthetic"));
        Assert.True(await page.IsVisibleAsync("#ev-map .leaflet-interactive"));
        Assert.Empty(errors);
    }
}
