using Dala.Permits.Import;
using Dala.Testing;

namespace Dala.Permits.Tests;

public class ImportTests
{
    private static readonly FakeClock Clock = FakeClock.At("2026-12-05T09:00:00Z");

    private static (Registry.Import.ImportReport Report, MemoryPermitStore Store) Run(string csv)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "permits.csv");
        File.WriteAllText(path, csv);
        var store = new MemoryPermitStore();
        return (new PermitImporter(store, Clock).Import(path), store);
    }

    [Fact]
    public void Good_rows_are_stored_with_empty_dates_as_not_yet_and_a_rerun_changes_nothing()
    {
        const string csv = "request_id,operator,region,opened,land_allotted,power_connected,design_approved,permit_issued,built,on_air,lon,lat\n" +
                           "p1,kcell,KZ-11,2025-01-10,2025-02-01,,2025-04-01,2025-04-10,2025-06-01,2025-07-01,71.4,51.1\n" +
                           "p2,beeline,KZ-63,2025-03-01,,,,,,,,\n";
        var (report, store) = Run(csv);
        Assert.True(report.Succeeded, string.Join("; ", report.Rejected));
        Assert.Equal((2, 2), (report.Read, report.Stored));
        var p1 = store.Get("p1")!;
        Assert.Equal((new DateOnly(2025, 7, 1), (DateOnly?)null, 71.4), (p1.OnAir!.Value, p1.PowerConnected, p1.Lon!.Value));
        Assert.Equal("open", store.Get("p2")!.Status);
    }

    [Fact]
    public void Bad_rows_are_named_by_line_field_and_reason_and_nothing_is_stored()
    {
        const string csv = "request_id,operator,region,opened,on_air,built,lon,lat\n" +
                           "ok,kcell,KZ-11,2025-01-10,,,,\n" +
                           "bad-region,kcell,Akmola,2025-01-10,,,,\n" +
                           "bad-date,kcell,KZ-11,2025-13-01,,,,\n" +
                           "order,kcell,KZ-11,2025-01-10,2025-02-01,2025-03-01,,\n" +
                           "future,kcell,KZ-11,2027-01-10,,,,\n" +
                           "half-point,kcell,KZ-11,2025-01-10,,,71.4,\n" +
                           "ok,kcell,KZ-11,2025-01-10,,,,\n" +
                           "before,kcell,KZ-11,2025-01-10,2024-12-01,,,\n";
        var (report, store) = Run(csv);
        Assert.False(report.Succeeded);
        Assert.Equal(0, store.Saves);
        var named = report.Rejected.Select(r => r.ToString()).ToArray();
        Assert.Contains(named, n => n.StartsWith("permits.csv:3: region: 'Akmola' is not an ISO 3166-2:KZ region code", StringComparison.Ordinal));
        Assert.Contains("permits.csv:4: opened: '2025-13-01' is not a date (YYYY-MM-DD)", named);
        Assert.Contains("permits.csv:5: on_air: 2025-02-01 is before built (2025-03-01): stages are passed in order", named);
        Assert.Contains("permits.csv:6: opened: 2027-01-10 is in the future (after 2026-12-06)", named);
        Assert.Contains("permits.csv:7: lat: lon and lat go together: give both or neither", named);
        Assert.Contains("permits.csv:8: request_id: duplicate request 'ok' (first on line 2)", named);
        Assert.Contains("permits.csv:9: on_air: 2024-12-01 is before opened (2025-01-10)", named);
        Assert.Equal(7, report.Rejected.Count);
    }

    [Fact]
    public void A_missing_pinned_column_is_refused_on_the_header()
    {
        var (report, _) = Run("request_id,operator,region,opened\np1,kcell,KZ-11,2025-01-10\n");
        var e = Assert.Single(report.Rejected);
        Assert.Equal((1, "header"), (e.Line, e.Field));
        Assert.Contains("'on_air'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Offered_sites_import_and_refuse_bad_rows()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "offered.csv");
        File.WriteAllText(path, "site_id,region,name,lon,lat,offered,offered_by,building\n" +
                                "s1,KZ-11,School 4 roof,71.4,51.1,2025-05-01,Akmola akimat,school\n" +
                                "s2,KZ-11,Clinic,,51.1,2025-05-01,Akmola akimat,clinic\n");
        var store = new MemoryPermitStore();
        var report = new OfferedSiteImporter(store, Clock).Import(path);
        Assert.Equal("offered.csv:3: lon: missing", Assert.Single(report.Rejected).ToString());
        Assert.Empty(store.Sites());
        File.WriteAllText(path, "site_id,region,name,lon,lat,offered,offered_by\ns1,KZ-11,School 4 roof,71.4,51.1,2025-05-01,Akmola akimat\n");
        Assert.True(new OfferedSiteImporter(store, Clock).Import(path).Succeeded);
        Assert.Equal("School 4 roof", Assert.Single(store.Sites("KZ-11")).Name);
    }
}
