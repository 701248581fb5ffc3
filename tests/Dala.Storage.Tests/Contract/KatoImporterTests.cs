using Dala.Geo;
using Dala.Registry.Import;
using Dala.Registry.Kato;
using Dala.Registry.Model;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>The KATO import against real stores: one commit, idempotent, codes that change, rejections that write nothing.</summary>
public sealed class KatoImporterTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private const string Kato = "id;parent_id;code;name\n1;0;110000000;Акмолинская область\n2;1;113200000;Аккольский район\n" +
        "3;2;113220100;г.Акколь\n4;2;113233100;с.Береке\n5;2;113233200;с.Абай\n";

    private readonly FakeClock _clock = FakeClock.At("2025-03-01T10:00:00Z");

    private static Settlement Make(string id, string name, SettlementKind kind = SettlementKind.Village, string? kato = null) =>
        new(id, new Names(name), kind, Population.Unknown, new LonLat(70, 50), "KZ-11", kato, "test");

    private static TestStore Store(string kind)
    {
        var t = TestStore.Create(kind);
        using var w = t.Store.BeginWrite();
        w.UpsertRegions([new Region("KZ-11", new Names("Akmola Region"), null, "test")]);
        w.UpsertSettlements([Make("town", "Ақкөл", SettlementKind.Town), Make("berek", "Береке", kato: "999999999"),
            Make("abai", "Абай", kato: "113233200"), Make("none", "Нигде")]);
        w.Commit();
        return t;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Writes_the_units_and_the_codes_that_change_in_one_commit(string kind)
    {
        using var t = Store(kind);
        var revision = t.Store.ReadRevision();
        var phases = new List<string>();
        var result = new KatoImporter(t.Store, _clock).Import(t.Dir.Write("kato.csv", Kato), new SyncProgress(p => phases.Add(p.Phase)));

        Assert.True(result.Report.Committed, string.Join("\n", result.Report.Rejected));
        Assert.Equal(revision + 1, t.Store.ReadRevision());
        Assert.Equal((5, 5, 0), (result.Report.Read, result.Report.Stored, result.Report.Unchanged)); // KATO units
        Assert.Contains("settlements whose KATO code changed: 2 (1 newly matched, 1 given another code, 0 no longer matched)", result.Report.Notes);
        var snap = t.Store.ReadSnapshot();
        Assert.Equal(5, snap.Kato.Count);
        Assert.Equal("113220100", snap.SettlementsById["town"].KatoCode);
        Assert.Equal("113233100", snap.SettlementsById["berek"].KatoCode);
        Assert.Equal("113233200", snap.SettlementsById["abai"].KatoCode);
        Assert.Contains(snap.Sources, s => s is { Kind: "kato", Name: "kato.csv", Rows: 5 } && s.ImportedAt == _clock.Now);
        Assert.Contains("read, stored and unchanged count KATO units (rows of the file): 5 read, 5 new or changed, 0 unchanged; " +
            "0 units stored before are not in the file and were removed", result.Report.Notes);
        Assert.Equal(3, Assert.Single(result.Regions).Matched);
        Assert.Equal(["reading", "matching", "writing"], phases.Distinct());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_rerun_changes_nothing(string kind)
    {
        using var t = Store(kind);
        var importer = new KatoImporter(t.Store, _clock);
        var path = t.Dir.Write("kato.csv", Kato);
        importer.Import(path);
        var before = t.Store.ReadSnapshot();
        var again = importer.Import(path);

        Assert.True(again.Report.Committed);
        Assert.Equal(0, again.Report.Stored);
        Assert.Equal(5, again.Report.Unchanged);
        SnapshotAssert.Same(before, t.Store.ReadSnapshot());
        Assert.Single(t.Store.ReadSnapshot().Sources);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_settlement_no_longer_matched_loses_its_code(string kind)
    {
        using var t = Store(kind);
        var importer = new KatoImporter(t.Store, _clock);
        importer.Import(t.Dir.Write("kato.csv", Kato));
        var r = importer.Import(t.Dir.Write("kato2.csv", Kato.Replace("4;2;113233100;с.Береке\n", "", StringComparison.Ordinal)));

        var snap = t.Store.ReadSnapshot();
        Assert.Null(snap.SettlementsById["berek"].KatoCode);
        Assert.Equal((4, 0, 4), (r.Report.Read, r.Report.Stored, r.Report.Unchanged));
        Assert.Contains(r.Report.Notes, n => n.EndsWith("1 units stored before are not in the file and were removed", StringComparison.Ordinal));
        Assert.Contains("settlements whose KATO code changed: 1 (0 newly matched, 0 given another code, 1 no longer matched)", r.Report.Notes);
        Assert.Equal(4, snap.Kato.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_rejected_row_or_a_missing_file_writes_nothing(string kind)
    {
        using var t = Store(kind);
        var before = t.Store.ReadSnapshot();
        var r = new KatoImporter(t.Store, _clock).Import(t.Dir.Write("bad.csv", Kato + "6;77;113233300;с.Жок\n"));
        Assert.False(r.Report.Committed);
        Assert.Equal("bad.csv:7: parent_id: 77 refers to no row", Assert.Single(r.Report.Rejected).ToString());
        Assert.Empty(r.Regions);
        var missing = new KatoImporter(t.Store, _clock).Import(t.Dir.File("nope.csv"));
        Assert.Equal("nope.csv:0: file: not found", Assert.Single(missing.Report.Rejected).ToString());
        SnapshotAssert.Same(before, t.Store.ReadSnapshot());
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
