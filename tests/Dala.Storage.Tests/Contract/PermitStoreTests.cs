using Dala.Permits.Model;
using Dala.Permits.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;

namespace Dala.Storage.Tests.Contract;

/// <summary>Permit requests and offered sites keep every field the same way on both stores; a re-save of the same rows stores nothing.</summary>
public class PermitStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static IPermitStore Permits(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqlitePermitStore(s),
        PostgresRegistryStore p => new PostgresPermitStore(p),
        _ => throw new InvalidOperationException(),
    };

    private static readonly PermitRequest Full = new("p-1", "kcell", "KZ-11", new DateOnly(2025, 1, 10), 71.4301, 51.1282, "plan-site-7",
        new DateOnly(2025, 2, 1), null, new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 10), new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 1));

    private static readonly PermitRequest Bare = new("p-2", "beeline", "KZ-63", new DateOnly(2025, 3, 1));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Requests_round_trip_filter_and_a_resave_stores_nothing(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Permits(t);
        Assert.Empty(store.List(PermitFilter.All));
        Assert.Equal(new PermitSaveResult(2, 0), store.Save([Full, Bare]));
        Assert.Equal([Full, Bare], store.List(PermitFilter.All));
        Assert.Equal(Full, store.Get("p-1"));
        Assert.Null(store.Get("nope"));
        Assert.Equal([Bare], store.List(new PermitFilter(Region: "KZ-63")));
        Assert.Equal([Full], store.List(new PermitFilter(Operator: "kcell")));
        Assert.Equal([Full], store.List(new PermitFilter(Status: "on_air")));
        Assert.Equal([Bare], store.List(new PermitFilter(Status: "open")));
        Assert.Equal(new PermitSaveResult(0, 2), store.Save([Full, Bare]));
        var moved = Bare with { LandAllotted = new DateOnly(2025, 3, 20) };
        Assert.Equal(new PermitSaveResult(1, 1), store.Save([Full, moved]));
        Assert.Equal(moved, store.Get("p-2"));
        Assert.Equal(2, t.CountRows("permit_requests"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Offered_sites_round_trip(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Permits(t);
        var school = new OfferedSite("s-1", "KZ-11", "School No. 4, roof", 71.41, 51.12, new DateOnly(2025, 5, 1), "Akmola region akimat", "school", "p-1");
        var clinic = new OfferedSite("s-2", "KZ-35", "Clinic", 73.1, 49.8, new DateOnly(2025, 5, 2), "Karaganda region akimat");
        Assert.Equal(new PermitSaveResult(2, 0), store.SaveSites([school, clinic]));
        Assert.Equal([school, clinic], store.Sites());
        Assert.Equal([clinic], store.Sites("KZ-35"));
        Assert.Equal(new PermitSaveResult(0, 1), store.SaveSites([clinic]));
    }
}
