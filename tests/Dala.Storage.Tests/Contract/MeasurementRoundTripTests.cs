using Dala.Geo;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Every field of a test comes back as written, on both stores (PostgreSQL: our own binary COPY encoding).</summary>
public class MeasurementRoundTripTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static Measurement Full(string id, DateTimeOffset time) => new()
    {
        Id = id, Time = time, Location = new LonLat(71.430411, 51.128207), Quadkey = "1211320121302331", SettlementId = "osm-2820274280",
        RegionCode = "KZ-71", OperatorId = "kcell", Access = Technology.FourG, DownMbps = 123.456789012345, UpMbps = -0.0 + 0.125,
        LatencyMs = 17.3, JitterMs = 2.25, LossPct = 0.5, Bytes = 5_000_000_000_123, DurationS = 10.02, Source = MeasurementSource.Inspector,
        Dataset = "Тексеру · проверка · ✓", ClientNetwork = "2.133.10.0/24", Tests = 1, Devices = 3, Valid = false,
        Reasons = ["minimum-duration", "ąęł — reason with non-ASCII", new string('x', 70_000)], Synthetic = true,
    };

    private static Measurement Bare(string id, DateTimeOffset time) => new() { Id = id, Time = time, Source = MeasurementSource.Ndt7Server };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_field_and_every_null_comes_back_and_a_batch_out_of_time_order_keeps_its_lines(string kind)
    {
        var (t, store, _) = MeasurementTests.Setup(kind);
        using var _ = t;
        var t0 = DateTimeOffset.Parse("2026-10-05T10:00:00.123456Z", System.Globalization.CultureInfo.InvariantCulture);
        // Out of time order, with a text field longer than one COPY buffer and with microseconds.
        var written = new[] { Full("rt-3", t0.AddDays(2)), Bare("rt-1", t0.AddMinutes(-5)), Full("rt-2", t0), Bare("é-ü-ж", t0.AddDays(-40)) };
        Assert.Equal(4, store.Append(written, []));

        var back = store.Recent(new MeasurementFilter(Ids: [.. written.Select(m => m.Id)]), 10).ToDictionary(m => m.Id);
        Assert.Equal(written.Length, back.Count);
        foreach (var m in written) Assert.Equal(m, back[m.Id]);
        Assert.Equal(new[] { "rt-3", "rt-2", "rt-1", "é-ü-ж" }, store.Recent(new MeasurementFilter(), 10).Select(m => m.Id));

        // A batch with an id already stored and one repeated goes the careful way and says which lines were new.
        using (var w = store.BeginAppend())
        {
            var isNew = new bool[3];
            Assert.Equal(1, w.Add([Bare("rt-4", t0.AddDays(1)), Full("rt-2", t0), Bare("rt-4", t0)], [], isNew));
            Assert.Equal(new[] { true, false, false }, isNew);
            w.Commit();
        }
        Assert.Equal(t0.AddDays(1), Assert.Single(store.Recent(new MeasurementFilter(Ids: ["rt-4"]), 10)).Time);
        Assert.Equal(5, store.Counts().Measurements);
    }
}
