using Dala.Platform.Accounts;
using Dala.Platform.Audit;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Users, API keys and the audit log on both stores: read back exactly, unique names, revocation, an append-only log.</summary>
public class AccountStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    internal static IAccountStore Accounts(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteAccountStore(s),
        PostgresRegistryStore p => new PostgresAccountStore(p),
        _ => throw new InvalidOperationException(),
    };

    internal static IAuditLog Audit(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteAuditLog(s),
        PostgresRegistryStore p => new PostgresAuditLog(p),
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Users_are_stored_with_a_hash_unique_by_name_and_updated(string kind)
    {
        using var t = TestStore.Create(kind);
        var desk = new AccountDesk(Accounts(t.Store), Clock);
        var alice = desk.AddUser("alice", Role.Operator, "kcell", "correct horse battery");
        Assert.Equal(alice, Accounts(t.Store).User("alice"));
        Assert.DoesNotContain("correct horse", alice.PasswordHash, StringComparison.Ordinal);
        Assert.Equal("kcell", alice.OperatorId);
        Assert.Equal(Clock.Now, alice.CreatedAt);
        var e = Assert.Throws<AccountException>(() => desk.AddUser("alice", Role.Admin, null, "another password"));
        Assert.True(e.Conflict);
        desk.AddUser("bob", Role.Admin, null, "0123456789");
        Assert.Equal(["alice", "bob"], Accounts(t.Store).Users().Select(u => u.Name));

        Assert.Equal(new Principal("user:alice", Role.Operator, "kcell"), desk.SignIn("alice", "correct horse battery"));
        Assert.Null(desk.SignIn("alice", "wrong password"));
        desk.SetPassword("alice", "a new long password");
        Assert.Null(desk.SignIn("alice", "correct horse battery"));
        Assert.NotNull(desk.SignIn("alice", "a new long password"));
        desk.SetDisabled("alice", true);
        Assert.Null(desk.SignIn("alice", "a new long password"));
        Assert.True(Accounts(t.Store).User("alice")!.Disabled);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Keys_are_stored_as_hashes_resolve_until_revoked(string kind)
    {
        using var t = TestStore.Create(kind);
        var desk = new AccountDesk(Accounts(t.Store), Clock);
        var (key, secret) = desk.CreateKey("probe-1", Role.Inspector, null);
        var (_, other) = desk.CreateKey("kcell-upload", Role.Operator, "kcell");
        var stored = Accounts(t.Store).Keys();
        Assert.Equal(2, stored.Count);
        Assert.Equal(key, stored[0]);
        Assert.All(stored, k => Assert.DoesNotContain(k.Hash, new[] { secret, other }));
        Assert.StartsWith(key.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(new Principal("key:probe-1", Role.Inspector, null), desk.Resolve(secret));
        Assert.Equal(new Principal("key:kcell-upload", Role.Operator, "kcell"), desk.Resolve(other));
        Assert.Null(desk.Resolve(secret + "x"));
        Assert.Null(desk.Resolve("dala_" + new string('A', 43)));

        desk.Revoke(key.Id);
        Assert.Null(desk.Resolve(secret));
        Assert.Equal(Clock.Now, Accounts(t.Store).Keys()[0].RevokedAt);
        Assert.True(Assert.Throws<AccountException>(() => desk.Revoke(key.Id)).Conflict);
        Assert.False(Assert.Throws<AccountException>(() => desk.Revoke(999)).Conflict);
        Assert.NotNull(desk.Resolve(other));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_audit_log_is_queried_by_time_and_actor_newest_first_and_refuses_changes(string kind)
    {
        using var t = TestStore.Create(kind);
        var log = Audit(t.Store);
        var clock = FakeClock.At("2026-11-21T12:00:00Z");
        var auditor = new Auditor(log, clock);
        auditor.Record("cli:root", "import settlements", "places.geojson", "cli", 0);
        clock.Now += TimeSpan.FromHours(1);
        auditor.Record("key:probe-1", "POST /api/measurements", "/api/measurements", "203.0.113.0/24", 200);
        clock.Now += TimeSpan.FromHours(1);
        auditor.Record("user:alice", "POST /api/quality/claims", "/api/quality/claims", "2001:db8::/48", 422);

        var all = log.Query(new AuditQuery());
        Assert.Equal(["user:alice", "key:probe-1", "cli:root"], all.Select(e => e.Actor));
        Assert.Equal(new AuditEntry(all[1].Id, FakeClock.At("2026-11-21T13:00:00Z").Now, "key:probe-1", "POST /api/measurements", "/api/measurements",
            "203.0.113.0/24", 200), all[1]);
        Assert.Equal(["key:probe-1"], log.Query(new AuditQuery(FakeClock.At("2026-11-21T13:00:00Z").Now, FakeClock.At("2026-11-21T14:00:00Z").Now))
            .Select(e => e.Actor));
        Assert.Equal(["cli:root"], log.Query(new AuditQuery(Actor: "cli:root")).Select(e => e.Actor));
        Assert.Single(log.Query(new AuditQuery(Limit: 1)));

        Assert.ThrowsAny<Exception>(() => t.Execute("UPDATE audit_log SET actor = 'someone else'"));
        Assert.ThrowsAny<Exception>(() => t.Execute("DELETE FROM audit_log"));
        Assert.Equal(3, log.Query(new AuditQuery()).Count(e => e.Actor is "cli:root" or "key:probe-1" or "user:alice"));
    }
}
