using Dala.Registry.Import;
using Dala.Registry.Model;
using Dala.Registry.Scenario;
using Dala.Testing;

namespace Dala.Storage.Tests.Contract;

/// <summary>Radio sites: import of our CSV and of OpenCelliD, synthetic layouts, on both stores.</summary>
public class SiteTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    private static readonly FakeClock Clock = FakeClock.At("2026-11-21T12:00:00Z");

    private const string Csv =
        "site_id,name,lon,lat,ground_m,mast_m,operator,sector_id,azimuth_deg,tilt_deg,frequency_mhz,bandwidth_mhz,eirp_dbm,technology,pattern\n" +
        "s1,Akkol mast,70.95,52.0,310,40,Beeline,A,0,3,800,10,61,4G,3gpp\n" +
        "s1,Akkol mast,70.95,52.0,310,40,Beeline,B,120,3,800,10,61,4G,3gpp\n" +
        "s1,Akkol mast,70.95,52.0,310,40,Beeline,C,240,3,800,10,61,4G,3gpp\n" +
        "s2,,71.2,51.9,,30,Kcell,N1,90,4,3500,100,70,5G,omni\n";

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Site_csv_groups_sectors_and_a_rerun_changes_nothing(string kind)
    {
        using var t = TestStore.Create(kind);
        var path = t.Dir.Write("sites.csv", Csv);
        var r = new SiteImporter(t.Store, Clock).Import(path);
        Assert.True(r.Committed, string.Join("\n", r.Rejected));
        Assert.Equal((4, 2), (r.Read, r.Stored));
        var sites = t.Store.ReadSnapshot().Sites;
        Assert.Equal(["s1", "s2"], sites.Select(s => s.Id));
        Assert.Equal(["A", "B", "C"], sites[0].Sectors.Select(s => s.Id));
        Assert.Equal(310, sites[0].GroundM);
        Assert.Null(sites[1].GroundM);
        Assert.Equal(Technology.FiveG, sites[1].Sectors[0].Technology);
        var before = t.Store.ReadSnapshot();
        var again = new SiteImporter(t.Store, Clock).Import(path);
        Assert.Equal((0, 2), (again.Stored, again.Unchanged));
        SnapshotAssert.Same(before, t.Store.ReadSnapshot());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Bad_site_rows_are_named_and_nothing_is_written(string kind)
    {
        using var t = TestStore.Create(kind);
        var bad = Csv.Replace("s1,Akkol mast,70.95,52.0,310,40,Beeline,B,120,3,800", "s1,Akkol mast,70.95,52.0,310,40,Beeline,B,400,3,800", StringComparison.Ordinal)
                  + "s3,,71,95,,30,X,A,0,3,800,10,61,4G,3gpp\n"
                  + "s1,Moved,70.99,52.0,310,40,Beeline,D,0,3,800,10,61,4G,3gpp\n"
                  + "s4,,71,50,,30,X,A,0,3,800,10,61,3G,3gpp\n"
                  + "s2,,71.2,51.9,,30,Kcell,N1,90,4,3500,100,70,5G,omni\n";
        var r = new SiteImporter(t.Store, Clock).Import(t.Dir.Write("bad.csv", bad));
        Assert.False(r.Committed);
        var lines = r.Rejected.Select(e => e.ToString()).ToArray();
        Assert.Contains("bad.csv:3: azimuth_deg: 400 is outside [0, 360]", lines);
        Assert.Contains("bad.csv:6: lat: 95 is outside [-90, 90]", lines);
        Assert.Contains(lines, l => l.StartsWith("bad.csv:7: site_id: site s1 is described differently on line 2", StringComparison.Ordinal));
        Assert.Contains("bad.csv:8: technology: '3G' is not 4G or 5G", lines);
        Assert.Contains("bad.csv:9: sector_id: duplicate sector N1 of site s2", lines);
        Assert.Empty(t.Store.ReadSnapshot().Sites);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void OpenCellId_cells_become_omni_sites_and_2g_3g_are_skipped(string kind)
    {
        using var t = TestStore.Create(kind);
        var ocid = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\n" +
                   "GSM,401,1,100,1001,0,71.40,51.10,1000,5,1,1400000000,1600000000,0\n" +
                   "LTE,401,2,200,2002,0,71.45,51.12,1500,12,1,1400000000,1600000000,0\n" +
                   "NR,401,7,300,3003,0,71.50,51.15,800,3,1,1400000000,1600000000,0\n" +
                   "UMTS,401,1,100,1002,0,71.41,51.11,1000,5,1,1400000000,1600000000,0\n";
        var r = new SiteImporter(t.Store, Clock).Import(t.Dir.Write("cell_towers.csv", ocid));
        Assert.True(r.Committed, string.Join("\n", r.Rejected));
        Assert.Equal(2, r.Skipped.Values.Sum());
        var sites = t.Store.ReadSnapshot().Sites;
        Assert.Equal(["ocid-401-2-200-2002", "ocid-401-7-300-3003"], sites.Select(s => s.Id));
        Assert.All(sites, s => Assert.Equal("omni", Assert.Single(s.Sectors).Pattern));
        Assert.Equal((1800, Technology.FourG), (sites[0].Sectors[0].FrequencyMHz, sites[0].Sectors[0].Technology));
        Assert.Equal("401-7", sites[1].OperatorId);
        var bad = new SiteImporter(t.Store, Clock).Import(t.Dir.Write("bad_cells.csv", ocid + "LTE,401,x,1,1,0,71,51,1,1,1,1,1,0\nWIMAX,401,1,1,1,0,71,51,1,1,1,1,1,0\n"));
        Assert.Equal(["bad_cells.csv:6: net: 'x' is not a number", "bad_cells.csv:7: radio: 'WIMAX' is not GSM, UMTS, CDMA, LTE or NR"],
            bad.Rejected.Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Synthetic_sites_are_spaced_labelled_deterministic_and_cleared(string kind)
    {
        using var t = TestStore.Create(kind);
        Assert.True(new RegionImporter(t.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(t.Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        var r = new SyntheticSites(t.Store, Clock).Seed(2000, 3);
        Assert.Equal(2000, r.Placed);
        var sites = t.Store.ReadSnapshot().Sites;
        Assert.All(sites, s => Assert.True(s.Synthetic && s.Source == SyntheticSites.Source));
        var sample = sites.Take(200).ToArray();
        foreach (var a in sample)
            Assert.All(sites.Where(b => b.Id != a.Id), b => Assert.True(Geo.GeoMath.DistanceKm(a.Location, b.Location) >= SyntheticSites.MinSpacingKm - 1e-9));
        Assert.False(new SyntheticSites(t.Store, Clock).Seed(2000, 3).Changed);
        Assert.Equal(2000, new SyntheticSites(t.Store, Clock).Clear());
        Assert.Empty(t.Store.ReadSnapshot().Sites);
    }
}
