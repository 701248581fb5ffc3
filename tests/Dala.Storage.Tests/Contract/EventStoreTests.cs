using Dala.Events.Disruption;
using Dala.Events.Model;
using Dala.Events.Store;
using Dala.Events.Synthetic;
using Dala.Geo;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;

namespace Dala.Storage.Tests.Contract;

/// <summary>Events are kept the same way on both stores, and the disruption check reads the same tests from both.</summary>
public class EventStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static IEventStore Events(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqliteEventStore(s),
        PostgresRegistryStore p => new PostgresEventStore(p),
        _ => throw new InvalidOperationException(),
    };

    private static IMeasurementStore Measurements(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqliteMeasurementStore(s),
        PostgresRegistryStore p => new PostgresMeasurementStore(p),
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Events_are_added_once_listed_latest_first_and_read_back_whole(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Events(t);
        var concert = AstanaArenaDemo.Event(At);
        var square = new MassEvent("nauryz-square", "Nauryz on the square", EventPlace.Area([new LonLat(71.41, 51.12), new LonLat(71.42, 51.12), new LonLat(71.42, 51.13)]),
            DateTimeOffset.Parse("2026-03-22T06:00:00Z"), DateTimeOffset.Parse("2026-03-22T16:30:00Z"), 50_000, false, null);
        Assert.Empty(store.List());
        Assert.True(store.Add(square, "analyst", At));
        Assert.True(store.Add(concert, "analyst", At));
        Assert.False(store.Add(concert with { Name = "again" }, "analyst", At));
        Assert.Equal([concert, square], store.List());
        Assert.Equal(square, store.Get("nauryz-square"));
        Assert.Null(store.Get("nope"));
        Assert.True(store.Get(concert.Id)!.Synthetic);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Disruption_reads_the_windows_from_the_store_and_flags_the_synthetic_drop(string kind)
    {
        using var t = TestStore.Create(kind);
        var e = AstanaArenaDemo.Event(At);
        var tests = SyntheticEventTests.Make(e, ["synthetic-a", "synthetic-b"], 30, 11, new Dictionary<string, double> { ["synthetic-b"] = 0.6 }, DisruptionSettings.Default);
        var outside = new Measurement { Id = "far-away", Time = e.Start.AddHours(1), Location = new LonLat(76.9, 43.2), OperatorId = "synthetic-b", DownMbps = 1,
            Source = MeasurementSource.Import, Synthetic = true };
        Measurements(t).Append([.. SyntheticEventTests.Measurements(tests), outside], []);

        var settings = DisruptionSettings.Default with { Resamples = 500 };
        var fromStore = DisruptionDetector.Run(Measurements(t), e, settings);
        var direct = DisruptionDetector.Judge(e, tests.Select(p => p.Test), settings);
        Assert.Equal(direct.Operators.Select(o => (o.OperatorId, o.EventTests, o.BaselineTests, o.Drop, o.ChangeP, o.Flagged)),
            fromStore.Operators.Select(o => (o.OperatorId, o.EventTests, o.BaselineTests, o.Drop, o.ChangeP, o.Flagged)));
        Assert.Equal([false, true], fromStore.Operators.Select(o => o.Flagged));
        // A real (not synthetic) event with the same place and hours counts no synthetic test.
        Assert.Empty(DisruptionDetector.Run(Measurements(t), e with { Synthetic = false }, settings).Operators);
    }
}
