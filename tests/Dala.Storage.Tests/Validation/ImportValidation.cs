using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Testing;

namespace Dala.Storage.Tests.Validation;

/// <summary>What the import validation tests share: a small store, small files, and "rejected, store unchanged".</summary>
internal static class ImportValidation
{
    public static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    public const string Head = "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n";

    public const string Tail = "\n]\n}\n";

    /// <summary>A store with region KZ-11 (no polygon) and one settlement v1 in it.</summary>
    public static TestStore Store(string kind)
    {
        var t = TestStore.Create(kind);
        using var w = t.Store.BeginWrite();
        w.UpsertRegions([new Region("KZ-11", new Names("Akmola Region"), null, "test")]);
        w.UpsertSettlements([new Settlement("v1", new Names("Акколь"), SettlementKind.Village, new Population(1200, "test"),
            new Geo.LonLat(70.95, 52.0), "KZ-11", null, "test")]);
        w.Commit();
        return t;
    }

    /// <summary>A settlement feature on one line, placed by its region property; <paramref name="name"/> is JSON text as written.</summary>
    public static string Point(string name, long id, string extra = "") =>
        $"{{ \"type\": \"Feature\", \"properties\": {{ \"name\": \"{name}\", \"place\": \"village\", \"osm_id\": {id}, \"region\": \"KZ-11\"{extra} }}, " +
        "\"geometry\": { \"type\": \"Point\", \"coordinates\": [ 70.5, 52.5 ] } }";

    /// <summary>Runs the import and checks it was refused with every expected text among its rejections, writing nothing.</summary>
    public static ImportReport Rejected(TestStore t, Func<ImportReport> import, params string[] expected)
    {
        var before = t.Store.ReadSnapshot();
        var revision = t.Store.ReadRevision();
        var report = import();
        Assert.False(report.Committed);
        var rejected = string.Join("\n", report.Rejected);
        foreach (var e in expected) Assert.Contains(e, rejected);
        Assert.Equal(revision, t.Store.ReadRevision());
        SnapshotAssert.Same(before, t.Store.ReadSnapshot());
        return report;
    }
}
