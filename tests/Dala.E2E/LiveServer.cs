using Dala.Registry.Import;
using Dala.Registry.Progress;
using Dala.Registry.Scenario;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Dala.Platform.Accounts;
using Dala.Web;
using Dala.Web.Auth;
using Microsoft.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.E2E;

/// <summary>
/// The real web app on Kestrel (loopback, a free port) over a SQLite store with the national OSM import and the
/// SYNTHETIC scenario. Fixtures that need more data derive and add it in <see cref="Prepare"/> and <see cref="Settings"/>.
/// </summary>
public class LiveServer : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebApplication? _app;

    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");
    public const string AdminUser = "e2e-admin";
    public const string AdminPassword = "e2e admin password";
    public string Url { get; private set; } = "";
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new RegionImporter(store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        new SyntheticScenario(store, Clock).Seed();
        Prepare(store);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = DalaWeb.Build(builder, Settings(store));
        var accounts = _app.Services.GetRequiredService<AccountDesk>();
        accounts.AddUser(AdminUser, Role.Admin, null, AdminPassword);
        // The test's own HTTP client writes as an admin script would: with a key.
        Http.DefaultRequestHeaders.Authorization = new("Bearer", accounts.CreateKey("e2e-script", Role.Admin, null).Secret);
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http.BaseAddress = new Uri(Url);
    }

    /// <summary>Adds what a fixture needs to the store before the app starts.</summary>
    protected virtual void Prepare(SqliteRegistryStore store)
    {
    }

    /// <summary>What the app is given: the quality inspectorate's stores as `dala serve` gives them (the Compliance view asks them all).</summary>
    protected virtual DalaWebSettings Settings(SqliteRegistryStore store) => new(store, Clock, Target.Defaults)
    {
        Measurements = new SqliteMeasurementStore(store),
        Obligations = new SqliteObligationStore(store),
        Cases = new Quality.Cases.CaseDesk(new SqliteCaseStore(store), Quality.Cases.FineSchedule.Default, Clock),
        Claims = new SqliteClaimStore(store),
        Accounts = new SqliteAccountStore(store),
        Audit = new SqliteAuditLog(store),
    };

    /// <summary>Signs the page's browser in as the admin (a session seeded on the server, its cookie given to the browser).</summary>
    public async Task SignInAsync(IPage page)
    {
        var session = _app!.Services.GetRequiredService<Sessions>().Start(AdminUser);
        await page.Context.AddCookiesAsync([new Cookie { Name = Sessions.Cookie, Value = session.Id, Url = Url, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }
}
