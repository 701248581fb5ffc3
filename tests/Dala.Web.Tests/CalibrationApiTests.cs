using System.Net;
using System.Text.Json;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Web.Calibration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>The calibrations API over a SYNTHETIC truth: the list, one calibration, its residual points and its settlement mismatches.</summary>
public sealed class CalibrationApiTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    private HttpClient _http = null!;
    private long _id;
    private string _dead = "";

    public async Task InitializeAsync()
    {
        var clock = FakeClock.At("2026-11-21T12:00:00Z");
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticSites(store, clock).Seed(300, 4);
        var coverage = new SqliteCoverageStore(store);
        var measurements = new SqliteMeasurementStore(store);
        var calibrations = new SqliteCalibrationStore(store);
        var run = new CoverageRunner(store, coverage, clock).Run(new CoverageRequest(new CoverageSettings(), null, false, null, [], null)).Run;
        Assert.True(new SyntheticCalibrationTests(1500, 8, 10, 3, 2).AddTo(store, coverage, measurements, clock) > 1000);
        // A settlement predicted covered (for its serving operator) whose tests are all near zero: measured dead.
        var snap = store.ReadSnapshot();
        var covered = run.Settlements.First(p => p.Covered && snap.SettlementsById[p.TargetId].Kind.IsRural());
        var op = snap.Sites.Single(s => s.Id == covered.SiteId).OperatorId;
        _dead = covered.TargetId;
        var place = snap.SettlementsById[_dead];
        measurements.Append(Enumerable.Range(0, 4).Select(i => new Measurement
        {
            Id = $"dead-{i}", Time = clock.Now.AddDays(-i - 1), Location = place.Location, SettlementId = _dead, RegionCode = place.RegionCode, OperatorId = op,
            Access = Technology.FourG, DownMbps = 0.2, Source = MeasurementSource.Import, Synthetic = true,
        }).ToList(), []);
        _id = new CalibrationRunner(store, coverage, measurements, calibrations, clock)
            .Run(new CalibrationRequest(null, null, true, new CalibrationOptions(Seed: 4))).Id;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, clock, Target.Defaults, coverage, measurements) { Calibrations = calibrations });
        await _app.StartAsync();
        _http = _app.GetTestClient().As(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<JsonElement> Json(string url) => JsonDocument.Parse(await _http.GetStringAsync(url)).RootElement;

    [Fact]
    public async Task A_calibration_its_residuals_and_mismatches_are_served_and_labelled_synthetic()
    {
        var list = await Json("/api/radio/calibrations");
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal(_id, list[0].GetProperty("id").GetInt64());
        Assert.True(list[0].GetProperty("synthetic").GetBoolean());
        var one = await Json($"/api/radio/calibrations/{_id}");
        Assert.Equal("operator-clutter", one.GetProperty("grouping").GetString());
        var overall = one.GetProperty("overall");
        Assert.True(overall.GetProperty("rmseAfterDb").GetDouble() <= 0.5 * overall.GetProperty("rmseBeforeDb").GetDouble(), overall.ToString());
        var terms = one.GetProperty("terms").EnumerateArray().Where(t => t.GetProperty("fitted").GetBoolean()).ToArray();
        Assert.NotEmpty(terms);
        foreach (var t in terms)
            Assert.True(Math.Abs(t.GetProperty("offsetDb").GetDouble() - 8) <= 4 * t.GetProperty("offsetSeDb").GetDouble() + 0.5, t.ToString());
        var points = await Json($"/api/radio/calibrations/{_id}/residuals");
        Assert.True(points.GetProperty("synthetic").GetBoolean());
        Assert.Equal(one.GetProperty("samples").GetInt32(), points.GetProperty("features").GetArrayLength());
        var p = points.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal(p.GetProperty("measuredDbm").GetDouble() - p.GetProperty("predictedDbm").GetDouble(), p.GetProperty("residualDb").GetDouble(), 1);
        var mismatches = await Json($"/api/radio/calibrations/{_id}/mismatches");
        var dead = mismatches.EnumerateArray().Single(m => m.GetProperty("settlementId").GetString() == _dead);
        Assert.Equal(SettlementMismatches.CoveredButDead, dead.GetProperty("kind").GetString());
        Assert.Equal(4, dead.GetProperty("tests").GetInt32());
        Assert.Equal(0.2, dead.GetProperty("medianMbps").GetDouble(), 6);
        var csv = await _http.GetAsync($"/api/radio/calibrations/{_id}/mismatches?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("synthetic", csv.Content.Headers.ContentDisposition?.FileName ?? "");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", CalibrationExport.MismatchColumns), lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith(_dead + ",", StringComparison.Ordinal) && l.Contains(SettlementMismatches.CoveredButDead, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/radio/calibrations/999", HttpStatusCode.NotFound)]
    [InlineData("/api/radio/calibrations/999/residuals", HttpStatusCode.NotFound)]
    [InlineData("/api/radio/calibrations/999/mismatches", HttpStatusCode.NotFound)]
    [InlineData("/api/radio/calibrations/1/mismatches?format=xml", HttpStatusCode.BadRequest)]
    [InlineData("/api/radio/calibrations?x=1", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_are_problems(string url, HttpStatusCode status) => await ProblemAssert.Is(status, await _http.GetAsync(url));
}
