using Dala.Registry.Import;
using Dala.Registry.Kato;
using Dala.Registry.Model;
using Dala.Testing;
using static Dala.Registry.Tests.Kato.OsmSettlements;

namespace Dala.Registry.Tests.Kato;

public sealed class KatoImporterTests : IDisposable
{
    private const string Kato = "id;parent_id;code;name\n1;0;110000000;Акмолинская область\n2;1;113200000;Аккольский район\n" +
        "3;2;113220100;г.Акколь\n4;2;113233100;с.Береке\n5;2;113233200;с.Абай\n";

    private readonly TempDir _dir = new();
    private readonly FakeClock _clock = FakeClock.At("2025-03-01T10:00:00Z");

    public void Dispose() => _dir.Dispose();

    private static InMemoryStore Store() => new(Build([
        Make("town", "Ақкөл", "KZ-11", SettlementKind.Town),
        Make("berek", "Береке", "KZ-11", kato: "999999999"),
        Make("abai", "Абай", "KZ-11", kato: "113233200"),
        Make("none", "Нигде", "KZ-11"),
    ]));

    [Fact]
    public void Writes_the_units_and_the_codes_that_change_in_one_commit()
    {
        var store = Store();
        var phases = new List<string>();
        var result = new KatoImporter(store, _clock).Import(_dir.Write("kato.csv", Kato), new SyncProgress(p => phases.Add(p.Phase)));

        Assert.True(result.Report.Committed, string.Join("\n", result.Report.Rejected));
        Assert.Equal(5 + 2, result.Report.Stored);       // 5 units + town and Береке (changed from a wrong code)
        Assert.Equal(2, result.Report.Unchanged);        // Абай keeps its code, Нигде stays without one
        Assert.Equal(5, store.Current.Kato.Count);
        Assert.Equal("113220100", store.Current.SettlementsById["town"].KatoCode);
        Assert.Equal("113233100", store.Current.SettlementsById["berek"].KatoCode);
        Assert.Equal("113233200", store.Current.SettlementsById["abai"].KatoCode);
        Assert.Contains(store.Current.Sources, s => s is { Kind: "kato", Name: "kato.csv", Rows: 5 } && s.ImportedAt == _clock.Now);
        Assert.Contains(result.Report.Notes, n => n.StartsWith("stored and unchanged count KATO units", StringComparison.Ordinal));
        Assert.Equal(3, Assert.Single(result.Regions).Matched);
        Assert.Equal(["reading", "matching", "writing"], phases.Distinct());
    }

    [Fact]
    public void A_rerun_changes_nothing()
    {
        var store = Store();
        var importer = new KatoImporter(store, _clock);
        var path = _dir.Write("kato.csv", Kato);
        importer.Import(path);
        var again = importer.Import(path);

        Assert.True(again.Report.Committed);
        Assert.Equal(0, again.Report.Stored);
        Assert.Equal(5 + 4, again.Report.Unchanged);
        Assert.Equal(1, store.KatoReplacements);
        Assert.Single(store.Current.Sources);
    }

    [Fact]
    public void A_settlement_no_longer_matched_loses_its_code()
    {
        var store = Store();
        var importer = new KatoImporter(store, _clock);
        importer.Import(_dir.Write("kato.csv", Kato));
        var r = importer.Import(_dir.Write("kato2.csv", Kato.Replace("4;2;113233100;с.Береке\n", "", StringComparison.Ordinal)));

        Assert.Null(store.Current.SettlementsById["berek"].KatoCode);
        Assert.Equal(4 + 1, r.Report.Stored);
        Assert.Equal(4, store.Current.Kato.Count);
    }

    [Fact]
    public void A_rejected_row_writes_nothing()
    {
        var store = Store();
        var r = new KatoImporter(store, _clock).Import(_dir.Write("bad.csv", Kato + "6;77;113233300;с.Жок\n"));

        Assert.False(r.Report.Committed);
        Assert.Equal("bad.csv:7: parent_id: 77 refers to no row", Assert.Single(r.Report.Rejected).ToString());
        Assert.Empty(r.Regions);
        Assert.Equal((0, 0), (store.Writes, store.Commits));
        Assert.Equal("999999999", store.Current.SettlementsById["berek"].KatoCode);
    }

    [Fact]
    public void A_missing_file_writes_nothing()
    {
        var store = Store();
        var r = new KatoImporter(store, _clock).Import(_dir.File("nope.csv"));
        Assert.Equal("nope.csv:0: file: not found", Assert.Single(r.Report.Rejected).ToString());
        Assert.Equal(0, store.Writes);
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
