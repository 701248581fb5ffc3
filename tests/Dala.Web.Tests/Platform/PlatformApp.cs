using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests.Platform;

/// <summary>
/// One SQLite store (national regions and settlements, the synthetic scenario, measurements, cases, obligations,
/// claims) shared by the platform tests; each test starts its own app over it with the limits it needs, optionally
/// with extra endpoints mapped before the start.
/// </summary>
public sealed class PlatformData : IDisposable
{
    private readonly TempDir _dir = new();

    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    public SqliteRegistryStore Store { get; }

    public PlatformData()
    {
        Store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(Store, Clock).Seed();
    }

    public DalaWebSettings Settings() => new(Store, Clock, Target.Defaults, null, new SqliteMeasurementStore(Store))
    {
        Obligations = new SqliteObligationStore(Store),
        Cases = new Quality.Cases.CaseDesk(new SqliteCaseStore(Store), Quality.Cases.FineSchedule.Default, Clock),
        Claims = new SqliteClaimStore(Store),
        Plans = new SqlitePlanStore(Store),
    };

    /// <summary>The app on a test server with these settings; <paramref name="map"/> adds endpoints before it starts.</summary>
    public async Task<PlatformApp> StartAsync(Func<DalaWebSettings, DalaWebSettings>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var settings = Settings();
        var app = DalaWeb.Build(builder, configure?.Invoke(settings) ?? settings);
        map?.Invoke(app);
        await app.StartAsync();
        return new PlatformApp(app);
    }

    public void Dispose() => _dir.Dispose();
}

public sealed class PlatformApp(WebApplication app) : IAsyncDisposable
{
    public HttpClient Client { get; } = app.GetTestClient().As(app);

    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformData>
{
    public const string Name = "platform";
}
