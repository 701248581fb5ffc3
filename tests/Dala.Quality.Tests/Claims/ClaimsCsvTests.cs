using Dala.Geo;
using Dala.Quality.Claims;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Quality.Tests.Claims;

public class ClaimsCsvTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    internal static readonly RegistrySnapshot Registry = new(1, [new Region("KZ-11", new Names("Akmola"), null, "t")],
        [S("osm-101", "111000001"), S("osm-102", "111000002"), S("csv-7", null), S("osm-103", "111000009"), S("osm-104", "111000009")],
        [new Operator("kcell", "Kcell"), new Operator("beeline", "Beeline")], [], [], [], null, null);

    private static Settlement S(string id, string? kato) =>
        new(id, new Names(id), SettlementKind.Village, Population.Unknown, new LonLat(70, 50), "KZ-11", kato, "test");

    private static ClaimsCsv.Result Read(string text) => ClaimsCsv.Read(new StringReader(text), "claims.csv", Registry, Today);

    [Fact]
    public void Reads_ids_osm_ids_kato_codes_operator_names_and_technology_aliases()
    {
        var r = Read("settlement,operator,technology,claimed_down_mbps,as_of\nosm-101,kcell,4G,10,2026-10-01\n102,Beeline,lte,5.5,2026-10-01\n" +
                     "111000001,kcell,fibre,100,2026-09-01\ncsv-7,kcell,5G,50,2026-10-01\n");
        Assert.True(r.Ok, string.Join("\n", r.Tally.Rejected));
        Assert.Equal(["osm-101", "osm-102", "osm-101", "csv-7"], r.Claims.Select(c => c.SettlementId));
        Assert.Equal("beeline", r.Claims[1].OperatorId);
        Assert.Equal(Technology.FourG, r.Claims[1].Technology);
        Assert.Equal(5.5, r.Claims[1].ClaimedDownMbps);
        Assert.All(r.Claims, c => Assert.Equal("claims.csv", c.SourceFile));
        Assert.All(r.Claims, c => Assert.False(c.Synthetic));
    }

    [Fact]
    public void Every_bad_row_is_named_with_line_field_and_reason_and_no_claim_is_kept()
    {
        var r = Read("settlement,operator,technology,claimed_down_mbps,as_of\n" +
                     "osm-101,kcell,4G,10,2026-10-01\n" +       // 2 good
                     "osm-999,kcell,4G,10,2026-10-01\n" +       // 3 unknown settlement
                     "osm-101,tele3,4G,10,2026-10-01\n" +       // 4 unknown operator
                     "osm-101,kcell,6G,10,2026-10-01\n" +       // 5 technology
                     "osm-101,kcell,4G,fast,2026-10-01\n" +     // 6 speed not a number
                     "osm-101,kcell,4G,-3,2026-10-01\n" +       // 7 negative
                     "osm-101,kcell,4G,10,01.10.2026\n" +       // 8 date format
                     "osm-101,kcell,4G,10,2027-01-01\n" +       // 9 future
                     "osm-101,kcell,4G,10,2026-10-01\n" +       // 10 duplicate of 2
                     "osm-101,kcell,4G\n" +                     // 11 ragged
                     "111000009,kcell,4G,10,2026-10-01\n");     // 12 KATO shared by two
        Assert.False(r.Ok);
        Assert.Empty(r.Claims);
        Assert.Equal([(3, "settlement"), (4, "operator"), (5, "technology"), (6, "claimed_down_mbps"), (7, "claimed_down_mbps"), (8, "as_of"),
            (9, "as_of"), (10, "row"), (11, "row"), (12, "settlement")], r.Tally.Rejected.Select(e => (e.Line, e.Field)));
        Assert.All(r.Tally.Rejected, e => Assert.Equal("claims.csv", e.File));
        Assert.Contains("unknown settlement 'osm-999'", r.Tally.Rejected[0].Reason);
        Assert.Contains("line 2", r.Tally.Rejected[7].Reason);
        Assert.Contains("in the future", r.Tally.Rejected[6].Reason);
    }

    [Fact]
    public void A_missing_column_rejects_the_header()
    {
        var r = Read("settlement,operator,technology,as_of\nosm-101,kcell,4G,2026-10-01\n");
        var e = Assert.Single(r.Tally.Rejected);
        Assert.Equal((1, "header"), (e.Line, e.Field));
        Assert.Contains("claimed_down_mbps", e.Reason);
    }

    [Fact]
    public void A_broken_quote_and_an_empty_file_are_named()
    {
        Assert.Equal("file", Assert.Single(Read("settlement,operator,technology,claimed_down_mbps,as_of\n\"osm-101,kcell,4G,10,2026-10-01\n").Tally.Rejected).Field);
        Assert.Equal("header", Assert.Single(Read("").Tally.Rejected).Field);
    }

    [Fact]
    public void A_file_that_is_not_there_is_named()
    {
        var r = ClaimsCsv.ReadFile("/nonexistent/claims.csv", Registry, Today);
        var e = Assert.Single(r.Tally.Rejected);
        Assert.Equal((0, "file"), (e.Line, e.Field));
    }
}
