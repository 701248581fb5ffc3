using System.Text;
using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests.Hygiene;

/// <summary>A test app with the regions and a measurement store (SQLite in a temporary folder); <see cref="Configure"/> sets its limits.</summary>
public abstract class HygieneApp : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;

    protected HttpClient Http { get; private set; } = null!;

    protected WebApplication App => _app!;

    public async Task InitializeAsync()
    {
        var clock = FakeClock.At("2026-11-21T12:00:00Z");
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, clock).Import(SharedData.RegionsGeoJson).Committed);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, Configure(new DalaWebSettings(store, clock, Target.Defaults, null, new SqliteMeasurementStore(store))
        {
            MaxBatchBytes = 256 * 1024, MaxBatchLines = 100, IntakeTimeout = TimeSpan.FromSeconds(30),
        }));
        await _app.StartAsync();
        Http = _app.GetTestClient().As(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    protected virtual DalaWebSettings Configure(DalaWebSettings settings) => settings;

    protected static StringContent Ndjson(string body) => new(body, Encoding.UTF8, "application/x-ndjson");

    protected static ByteArrayContent NdjsonBytes(byte[] body)
    {
        var c = new ByteArrayContent(body);
        c.Headers.ContentType = new("application/x-ndjson");
        return c;
    }
}
