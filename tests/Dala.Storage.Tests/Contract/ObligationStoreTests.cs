using Dala.Quality.Obligations;
using Dala.Registry.Model;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;

namespace Dala.Storage.Tests.Contract;

/// <summary>Obligations are versioned the same way on both stores: an edit is a new version, an unchanged one is not stored again.</summary>
public class ObligationStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static IObligationStore Obligations(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqliteObligationStore(s),
        PostgresRegistryStore p => new PostgresObligationStore(p),
        _ => throw new InvalidOperationException(),
    };

    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Edits_are_new_versions_and_history_keeps_them_all(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Obligations(t);
        Assert.Empty(store.Current());
        var current = store.CurrentOrDefaults(new Testing.FakeClock(At));
        Assert.Equal(DefaultObligations.All.Select(o => o.Id).Order(StringComparer.Ordinal), current.Select(o => o.Id));
        var five = current.Single(o => o.Id == "4g-down-5");
        Assert.Equal(five, DefaultObligations.All.Single(o => o.Id == "4g-down-5"));

        var edited = five with { Share = 0.8, Operator = "kcell", EffectiveFrom = new DateOnly(2026, 1, 1) };
        var other = new Obligation { Id = "5g-up", Technology = Technology.FiveG, Metric = ObligationMetric.UpMbps, Threshold = 10, Share = 0.5 };
        var saved = store.Save([edited, current.Single(o => o.Id == "4g-latency-median"), other], "inspector-1", At.AddDays(1));
        Assert.Equal([("4g-down-5", 2), ("5g-up", 1)], saved.Select(o => (o.Id, o.Version)));
        Assert.Equal(edited with { Version = 2 }, store.Current().Single(o => o.Id == "4g-down-5"));
        var history = store.History("4g-down-5");
        Assert.Equal([(1, DefaultObligations.Actor), (2, "inspector-1")], history.Select(v => (v.Obligation.Version, v.Actor)));
        Assert.Equal(At.AddDays(1), history[1].CreatedAt);
        Assert.Equal(0.9, history[0].Obligation.Share);
        Assert.Empty(store.History("nothing"));
        Assert.Empty(store.Save([edited], "again", At));
    }
}
