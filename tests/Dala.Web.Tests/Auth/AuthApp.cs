using Dala.Platform.Accounts;
using Dala.Quality.Cases;
using Dala.Registry.Progress;
using Dala.Storage.Sqlite;
using Dala.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Tests.Auth;

/// <summary>
/// The web app as `dala serve` composes it (every store, accounts and the audit log in the same SQLite file), on an
/// empty registry, with one API key per role (the operator's for kcell) and an admin user with a password.
/// </summary>
public class AuthApp : IAsyncLifetime
{
    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");
    public const string AdminPassword = "admin password 1";

    private readonly TempDir _dir = new();

    public WebApplication App { get; private set; } = null!;
    public SqliteRegistryStore Store { get; private set; } = null!;
    public IReadOnlyDictionary<Role, string> Keys { get; private set; } = new Dictionary<Role, string>();

    protected virtual Dala.Web.Ndt7.Ndt7Settings Ndt7 => Dala.Web.Ndt7.Ndt7Settings.Default;

    public async Task InitializeAsync()
    {
        Store = new SqliteRegistryStore(_dir.File("auth.db"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        App = DalaWeb.Build(builder, new DalaWebSettings(Store, Clock, Target.Defaults, new SqliteCoverageStore(Store), new SqliteMeasurementStore(Store))
        {
            Plans = new SqlitePlanStore(Store),
            Cases = new CaseDesk(new SqliteCaseStore(Store), FineSchedule.Default, Clock),
            Obligations = new SqliteObligationStore(Store),
            Claims = new SqliteClaimStore(Store),
            Accounts = new SqliteAccountStore(Store),
            Audit = new SqliteAuditLog(Store),
            Ndt7 = Ndt7,
        });
        await App.StartAsync();
        var desk = Desk;
        Keys = Roles.All.ToDictionary(r => r, r => desk.CreateKey("k-" + r.WireName(), r, r == Role.Operator ? "kcell" : null).Secret);
        desk.AddUser("root", Role.Admin, null, AdminPassword);
    }

    public AccountDesk Desk => App.Services.GetRequiredService<AccountDesk>();

    /// <summary>A client without credentials, or with the key of a role.</summary>
    public HttpClient Client(Role? role = null)
    {
        var c = App.GetTestClient();
        if (role is { } r) c.DefaultRequestHeaders.Authorization = new("Bearer", Keys[r]);
        return c;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _dir.Dispose();
    }
}
