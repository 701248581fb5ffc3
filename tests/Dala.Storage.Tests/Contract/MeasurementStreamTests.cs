using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>The streaming read that verdicts and claim checks count from, the same on both stores.</summary>
public class MeasurementStreamTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static Measurement Test(string id, string time, Technology access, string op, bool valid = true, bool synthetic = false, MeasurementKind kind = MeasurementKind.Test) => new()
    {
        Id = id, Time = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), Access = access, OperatorId = op, RegionCode = "KZ-71",
        DownMbps = 7.5, Source = MeasurementSource.Import, Valid = valid, Synthetic = synthetic, Kind = kind,
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Tests_are_read_in_time_order_within_the_window_with_the_filters(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = MeasurementTests.Measurements(t);
        store.Append([
            Test("b", "2026-10-01T00:00:00Z", Technology.FourG, "kcell"),
            Test("a", "2026-10-01T00:00:00Z", Technology.FourG, "kcell"),
            Test("c", "2026-10-31T23:59:59Z", Technology.FourG, "beeline"),
            Test("late", "2026-11-01T00:00:00Z", Technology.FourG, "kcell"),
            Test("early", "2026-09-30T23:59:59Z", Technology.FourG, "kcell"),
            Test("fiveg", "2026-10-02T00:00:00Z", Technology.FiveG, "kcell"),
            Test("invalid", "2026-10-03T00:00:00Z", Technology.FourG, "kcell", valid: false),
            Test("synthetic", "2026-10-04T00:00:00Z", Technology.FourG, "kcell", synthetic: true),
            Test("tile", "2026-10-05T00:00:00Z", Technology.FourG, "kcell", kind: MeasurementKind.Tile),
        ], []);
        var from = DateTimeOffset.Parse("2026-10-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var to = from.AddMonths(1);
        string[] Ids(TestQuery q) => [.. store.Tests(q).Select(m => m.Id)];

        Assert.Equal(["a", "b", "c"], Ids(new TestQuery(from, to, Technology.FourG)));
        Assert.Equal(["a", "b", "fiveg", "c"], Ids(new TestQuery(from, to)));
        Assert.Equal(["a", "b"], Ids(new TestQuery(from, to, Technology.FourG, Operator: "kcell")));
        Assert.Equal(["a", "b", "invalid", "c"], Ids(new TestQuery(from, to, Technology.FourG, ValidOnly: false)));
        Assert.Equal(["a", "b", "synthetic", "c"], Ids(new TestQuery(from, to, Technology.FourG, IncludeSynthetic: true)));
        Assert.Empty(Ids(new TestQuery(from, to, Technology.FourG, Region: "KZ-75")));
        var a = store.Tests(new TestQuery(from, to, Technology.FourG)).First();
        Assert.Equal((7.5, "KZ-71", Technology.FourG), (a.DownMbps, a.RegionCode, a.Access));
    }
}
