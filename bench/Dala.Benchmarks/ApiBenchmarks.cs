using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Dala.Geo;
using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.Benchmarks;

/// <summary>GET /api/settlements?format=geojson (all 7,098) and /api/progress over loopback from a real Kestrel.</summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class ApiBenchmarks
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private string _db = "";

    public string BaseUrl { get; private set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _db = SharedData.TempFile("api.db");
        var store = new SqliteRegistryStore(_db);
        new RegionImporter(store, SystemClock.Instance).Import(SharedData.Kz("regions-osm.geojson"));
        new SettlementImporter(store, SystemClock.Instance).Import(SharedData.Kz("hotosm_kaz_populated_places_points.geojson"));
        new SyntheticScenario(store, SystemClock.Instance).Seed();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, SystemClock.Instance, Target.Defaults));
        _app.StartAsync().GetAwaiter().GetResult();
        var url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = url;
        _http = new HttpClient { BaseAddress = new Uri(url) };
    }

    [Benchmark(Description = "GET /api/settlements?format=geojson (7,098 features)")]
    public async Task<int> AllSettlementsGeoJson() => (await _http.GetByteArrayAsync("/api/settlements?format=geojson")).Length;

    [Benchmark(Description = "GET /api/progress (rural, timeline)")]
    public async Task<int> Progress() => (await _http.GetByteArrayAsync("/api/progress")).Length;

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" }) File.Delete(f);
    }
}
