using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests;

/// <summary>The web app on a test server over a real SQLite store holding the national OSM import and the synthetic scenario.</summary>
public sealed class NationalApp : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;

    public SqliteRegistryStore Store { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    public async Task InitializeAsync()
    {
        Store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(Store, Clock).Seed();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(Store, Clock, Target.Defaults));
        await _app.StartAsync();
        Client = _app.GetTestClient().As(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }
}
