using Dala.Registry.Import;
using Dala.Testing;
using static Dala.Storage.Tests.Validation.ImportValidation;

namespace Dala.Storage.Tests.Validation;

/// <summary>An import that stores nothing makes no revision (and notes no source), on both stores.</summary>
public sealed class NothingStoredTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static void NoRevision(TestStore t, Func<ImportReport> import)
    {
        var before = t.Store.ReadSnapshot();
        var revision = t.Store.ReadRevision();
        var r = import();
        Assert.True(r.Succeeded, string.Join("\n", r.Rejected));
        Assert.Equal(0, r.Stored);
        Assert.Equal(revision, t.Store.ReadRevision());
        SnapshotAssert.Same(before, t.Store.ReadSnapshot());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_header_only_or_empty_collection_file_makes_no_revision(string kind)
    {
        using var t = Store(kind);
        var places = t.Dir.Write("places.csv", "id,name,kind,lon,lat,region\n");
        NoRevision(t, () => new SettlementImporter(t.Store, Clock).Import(places));
        NoRevision(t, () => new ConnectivityImporter(t.Store, Clock).Import(t.Dir.Write("conn.csv", "settlement_id,technology,as_of\n")));
        NoRevision(t, () => new SiteImporter(t.Store, Clock).Import(t.Dir.Write("sites.csv",
            "site_id,lon,lat,mast_m,sector_id,azimuth_deg,tilt_deg,frequency_mhz,bandwidth_mhz,eirp_dbm,technology\n")));
        NoRevision(t, () => new RegionImporter(t.Store, Clock).Import(t.Dir.Write("none.geojson", Head.TrimEnd() + "]}\n")));
        Assert.Contains("the file has a header but no rows: nothing to import", new SettlementImporter(t.Store, Clock).Import(places).Notes);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_rows_in_a_file_with_other_bytes_make_no_revision(string kind)
    {
        using var t = Store(kind);
        var conn = "settlement_id,technology,as_of\nv1,4G,2024-01-01\n";
        Assert.True(new ConnectivityImporter(t.Store, Clock).Import(t.Dir.Write("conn.csv", conn)).Committed);
        Directory.CreateDirectory(t.Dir.File("crlf"));
        var again = t.Dir.Write(Path.Combine("crlf", "conn.csv"), conn.Replace("\n", "\r\n"));
        NoRevision(t, () => new ConnectivityImporter(t.Store, Clock).Import(again));
    }
}
