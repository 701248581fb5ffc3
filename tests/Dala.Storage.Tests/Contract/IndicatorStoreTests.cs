using System.Globalization;
using Dala.Registry.Indicators;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Indicators on both stores: the cited default set, idempotent saves, corrections, Ookla's file whole, bad rows refused whole.</summary>
public class IndicatorStoreTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    private static IIndicatorStore Indicators(TestStore t) => t.Store switch
    {
        SqliteRegistryStore s => new SqliteIndicatorStore(s),
        PostgresRegistryStore p => new PostgresIndicatorStore(p),
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_seed_figures_load_with_their_sources_and_a_rerun_stores_nothing(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Indicators(t);
        Assert.True(store.Read().IsEmpty);
        var first = store.Save(DefaultIndicators.All);
        Assert.Equal(new IndicatorSaveResult(DefaultIndicators.Indicators.Count, DefaultIndicators.Points.Count, 0), first);
        var read = store.Read();
        Assert.Equal(DefaultIndicators.Indicators.OrderBy(i => i.Id, StringComparer.Ordinal), read.Indicators);
        Assert.Equal(DefaultIndicators.Points.OrderBy(p => p.IndicatorId, StringComparer.Ordinal).ThenBy(p => p.Date), read.Points);
        // The figures, each with a source.
        var users = read.Indicators.Single(i => i.Id == "internet-users");
        Assert.Equal((88.0, new DateOnly(2025, 12, 31)), (users.Target!.Value, users.TargetDate!.Value));
        Assert.Contains("uncertain", users.TargetSource);
        Assert.Equal(83.0, read.Indicators.Single(i => i.Id == "digital-literacy").Target);
        double Value(string id) => read.Points.Single(p => p.IndicatorId == id).Value;
        Assert.Equal(7900, Value("traffic"));
        Assert.Equal(15, Value("traffic-growth"));
        Assert.Equal(1000, Value("base-stations-built"));
        Assert.Equal(20000, Value("fibre-km-ppp"));
        Assert.Equal(120000, Value("fibre-km-total"));
        Assert.Equal(99, Value("coverage-claimed"));
        Assert.Equal(80, Value("speedtest-rank-mobile"));
        Assert.Equal(65, Value("speedtest-rank-fixed"));
        Assert.Equal(5163, Value("settlements-connected-plan"));
        Assert.Equal(2606, Value("settlements-on-fibre"));
        Assert.Equal(6179, Value("rural-settlements"));
        Assert.All(read.Points, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        Assert.Equal("https://www.speedtest.net/global-index", read.Points.Single(p => p.IndicatorId == "speedtest-rank-fixed").SourceUrl);

        Assert.Equal(new IndicatorSaveResult(0, 0, DefaultIndicators.Points.Count), store.Save(DefaultIndicators.All));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_corrected_value_replaces_the_stored_one_and_an_unknown_indicator_is_refused(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Indicators(t);
        store.Save(DefaultIndicators.All);
        var traffic = DefaultIndicators.Points.Single(p => p.IndicatorId == "traffic");
        var regional = new IndicatorPoint("traffic", "KZ-AKM", new DateOnly(2021, 6, 30), 120.5, "regional statistics", "https://example.org/x", Synthetic: true);
        var result = store.Save(new IndicatorSet([], [traffic with { Value = 7950, Note = null }, regional]));
        Assert.Equal(new IndicatorSaveResult(0, 2, 0), result);
        var read = store.Read();
        Assert.Equal(7950, read.Points.Single(p => p.IndicatorId == "traffic" && p.Region == "").Value);
        Assert.Equal(regional, read.Points.Single(p => p.Region == "KZ-AKM"));

        var orphan = new IndicatorPoint("no-such", "", new DateOnly(2021, 1, 1), 1, "x");
        var e = Assert.Throws<StoreException>(() => store.Save(new IndicatorSet([], [traffic with { Value = 1 }, orphan])));
        Assert.Contains("no-such", e.Message);
        Assert.Equal(7950, store.Read().Points.Single(p => p.IndicatorId == "traffic" && p.Region == "").Value);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Ooklas_country_quarterly_file_imports_as_indicators_with_every_row_used(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Indicators(t);
        var path = SharedData.Kz("ookla-kz-country-quarterly.csv");
        // Counted independently of the importer: every non-empty line after the header is a row.
        var lines = File.ReadAllLines(path).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split(',')).ToArray();
        var report = new IndicatorImporter(store, Clock).Import(path);
        Assert.True(report.Succeeded, string.Join("\n", report.Rejected));
        Assert.True(report.Committed);
        Assert.Equal(lines.Length, report.Read);
        Assert.Equal(lines.Length * OoklaQuarterly.Columns.Count, report.Stored);
        var set = store.Read();
        Assert.Equal(2 * OoklaQuarterly.Columns.Count, set.Indicators.Count);
        // Every row: its quarter and network type, each numeric column a value of its series.
        foreach (var row in lines)
        {
            var date = DateOnly.ParseExact(row[5], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var down = set.Points.Single(p => p.IndicatorId == $"ookla-{row[4]}-download_mbps_weighted_mean" && p.Date == date);
            Assert.Equal(double.Parse(row[6], CultureInfo.InvariantCulture), down.Value);
            Assert.Equal(double.Parse(row[19], CultureInfo.InvariantCulture), set.Points.Single(p => p.IndicatorId == $"ookla-{row[4]}-total_tests" && p.Date == date).Value);
            Assert.Equal("", down.Region);
            Assert.Contains("Ookla", down.Source);
        }
        Assert.Equal("Mbps", set.Indicators.Single(i => i.Id == "ookla-mobile-upload_mbps_median").Unit);
        var again = new IndicatorImporter(store, Clock).Import(path);
        Assert.Equal((0, lines.Length * OoklaQuarterly.Columns.Count), (again.Stored, again.Unchanged));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Bad_rows_are_named_by_line_and_field_and_nothing_is_stored(string kind)
    {
        using var t = TestStore.Create(kind);
        var store = Indicators(t);
        var file = t.Dir.File("bad.csv");
        File.WriteAllText(file, """
            indicator,name,unit,region,date,value,source,source_url,target,target_date
            internet-users,Internet users,%,,2022-12-31,86.3,Bureau of National Statistics,https://stat.gov.kz,88,2025-12-31
            internet-users,Internet users,%,KZ-XXX,2023-12-31,87,Bureau,,88,2025-12-31
            internet-users,Internet users,%,,2024-13-01,87,Bureau,,88,2025-12-31
            internet-users,Internet users,%,,2023-12-31,lots,Bureau,,88,2025-12-31
            internet-users,Internet users,%,,2023-12-31,87,,,88,2025-12-31
            internet-users,Internet users,%,,2023-12-31,87,Bureau,ftp://x,88,2025-12-31
            internet-users,Internet users,%,,2022-12-31,86,Bureau,,88,2025-12-31
            internet-users,Internet users,percent,,2021-12-31,85,Bureau,,88,2025-12-31
            bad id!,x,%,,2021-12-31,85,Bureau,,,
            """);
        var report = new IndicatorImporter(store, Clock).Import(file);
        Assert.False(report.Committed);
        Assert.Equal(
        [
            "bad.csv:3: region", "bad.csv:4: date", "bad.csv:5: value", "bad.csv:6: source", "bad.csv:7: source_url", "bad.csv:8: date",
            "bad.csv:9: unit", "bad.csv:10: indicator",
        ], report.Rejected.Select(e => $"{e.File}:{e.Line}: {e.Field}"));
        Assert.Contains("given twice (first on row 2)", report.Rejected.Single(e => e.Line == 8).Reason);
        Assert.True(store.Read().IsEmpty);

        File.WriteAllText(file, "indicator,name,unit,date,value\nx,y,z,2020-01-01,1\n");
        var header = new IndicatorImporter(store, Clock).Import(file);
        Assert.Equal("bad.csv:1: header", $"{header.Rejected.Single().File}:{header.Rejected.Single().Line}: {header.Rejected.Single().Field}");
        Assert.Contains("source", header.Rejected.Single().Reason);
        Assert.True(store.Read().IsEmpty);
    }
}
