using System.Text.Json;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Web;
using Dala.Web.Calibration;

namespace Dala.E2E;

/// <summary>The web app over a SYNTHETIC radio layout, a coverage run, SYNTHETIC tests from a known truth and their calibration.</summary>
public sealed class CalibratedServer : LiveServer
{
    public long CalibrationId { get; private set; }

    protected override void Prepare(SqliteRegistryStore store)
    {
        new SyntheticSites(store, Clock).Seed(300, 3);
        var (coverage, measurements) = (new SqliteCoverageStore(store), new SqliteMeasurementStore(store));
        new CoverageRunner(store, coverage, Clock).Run(new CoverageRequest(new CoverageSettings(), null, false, null, [], null));
        new SyntheticCalibrationTests(1200, 8, 10, 3, 5).AddTo(store, coverage, measurements, Clock);
        CalibrationId = new CalibrationRunner(store, coverage, measurements, new SqliteCalibrationStore(store), Clock)
            .Run(new CalibrationRequest(null, null, true, new CalibrationOptions())).Id;
    }

    protected override DalaWebSettings Settings(SqliteRegistryStore store) =>
        base.Settings(store) with { Coverage = new SqliteCoverageStore(store), Calibrations = new SqliteCalibrationStore(store) };
}

/// <summary>
/// The Quality view's calibration section in real headless Chromium: the before/after table, the predicted-vs-measured
/// scatter (one point per sample, before and after) and the residual map (one point per sample), labelled SYNTHETIC.
/// </summary>
public class CalibrationTests(CalibratedServer server) : IClassFixture<CalibratedServer>
{
    [ChromiumFact]
    public async Task The_calibration_section_draws_the_table_scatter_and_residual_layer()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var console = new List<string>();
        page.PageError += (_, e) => console.Add(e);

        await page.GotoAsync(server.Url);
        await page.ClickAsync("#tab-quality");
        await page.Locator("#calibration").ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.calibration && document.body.dataset.calibration !== ''", null, new() { Timeout = 60000 });
        Assert.Equal(server.CalibrationId.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.body.dataset.calibration"));

        var detail = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/radio/calibrations/{server.CalibrationId}")).RootElement;
        var samples = detail.GetProperty("samples").GetInt32();
        Assert.True(samples > 500, $"{samples} samples");
        Assert.Equal(samples.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.body.dataset.calibrationScatter"));
        Assert.Equal(samples.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.body.dataset.calibrationPoints"));
        Assert.True(await page.IsVisibleAsync("#calibration-synthetic"));

        // The table: one row per group and the total, the held-out RMSE after at most half the one before.
        var rows = await page.Locator("#calibration-table tbody tr").CountAsync();
        Assert.Equal(detail.GetProperty("terms").GetArrayLength() + 1, rows);
        var total = await page.Locator("#calibration-table tbody tr.total td").AllTextContentsAsync();
        var (before, after) = (double.Parse(total[4], System.Globalization.CultureInfo.InvariantCulture), double.Parse(total[6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(after <= 0.5 * before, $"{before} -> {after}");

        // The scatter is drawn on its canvas (Chart.js) with the y = x line; the residual layer has its points on the map.
        Assert.Equal(3, await page.EvaluateAsync<int>("() => document.getElementById('calibration').calibration.chart.data.datasets.length"));
        Assert.True(await page.EvaluateAsync<bool>("() => { const c = document.getElementById('calibration-scatter'); return c.width > 100 && c.height > 100; }"));
        Assert.Equal(samples, await page.EvaluateAsync<int>("() => document.getElementById('calibration').calibration.drawn.layer.getLayers().length"));
        Assert.True(await page.IsVisibleAsync("#calibration-map canvas"));
        Assert.True(await page.IsVisibleAsync("#calibration-legend"));
        // Residual colours: the model was made optimistic (8 dB + 10 dB/decade more loss in truth), so most points are red.
        var reds = await page.EvaluateAsync<int>(
            "() => document.getElementById('calibration').calibration.drawn.layer.getLayers().filter(l => ['#b2182b', '#ef8a62'].includes(l.options.fillColor)).length");
        Assert.True(reds > samples / 2, $"{reds} of {samples} red");
        await page.Locator("#calibration").ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "calibration.png") });
        Assert.Empty(console);
    }

    [ChromiumFact]
    public async Task The_residuals_are_a_layer_of_the_main_map_that_a_shared_link_turns_on()
    {
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var console = new List<string>();
        page.PageError += (_, e) => console.Add(e);
        var samples = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/radio/calibrations/{server.CalibrationId}")).RootElement.GetProperty("samples").GetInt32();

        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.body.dataset.layerResiduals === 'ready'", null, new() { Timeout = 60000 });
        Assert.True(await page.IsVisibleAsync("#layer-residuals-syn"), "the row says the calibration rests on SYNTHETIC tests");
        await page.ClickAsync("label[for=layer-residuals]");
        await page.WaitForFunctionAsync("() => (document.body.dataset.layerResiduals || '').startsWith('drawn:')", null, new() { Timeout = 30000 });
        Assert.Equal($"drawn:{samples}", await page.EvaluateAsync<string>("() => document.body.dataset.layerResiduals"));
        Assert.True(await page.IsVisibleAsync("#layer-residuals-legend"));
        // Drawn above the settlement points, not hidden under them.
        Assert.True(await page.EvaluateAsync<bool>("() => Number(window.dala.map.getPane('dalaResiduals').style.zIndex) > Number(window.dala.map.getPane('dalaPoints').style.zIndex)"));
        await page.WaitForFunctionAsync("() => /[?&]layers=[^&]*residuals/.test(location.hash)", null, new() { Timeout = 10000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDir(), "calibration-layer.png") });

        // A shared link with the layer draws it on a fresh page.
        var fresh = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        fresh.PageError += (_, e) => console.Add(e);
        await fresh.GotoAsync(server.Url + "/#map?layers=residuals");
        await fresh.WaitForFunctionAsync("() => (document.body.dataset.layerResiduals || '').startsWith('drawn:')", null, new() { Timeout = 60000 });
        Assert.True(await fresh.IsCheckedAsync("#layer-residuals"));
        Assert.Empty(console);
    }
}
