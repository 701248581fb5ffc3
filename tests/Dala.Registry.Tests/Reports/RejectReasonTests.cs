using Dala.Registry.Import;

namespace Dala.Registry.Tests.Reports;

/// <summary>Rejections keep their values when named one by one, and are counted per field and reason without them.</summary>
public sealed class RejectReasonTests
{
    [Fact]
    public void An_interpolated_reason_names_its_values_and_counts_without_them()
    {
        var tally = new ImportTally("settlements", "a.csv");
        var (id, first, asOf) = ("osm-7", 4, new DateOnly(2031, 1, 2));
        tally.Reject(9, "id", $"duplicate id {id} (first on line {first})");
        tally.Reject(10, "as_of", $"{asOf:yyyy-MM-dd} is in the future");
        var e = tally.Rejected;
        Assert.Equal("a.csv:9: id: duplicate id osm-7 (first on line 4)", e[0].ToString());
        Assert.Equal("duplicate id … (first on line …)", e[0].Kind);
        Assert.Equal("2031-01-02 is in the future", e[1].Reason);
        Assert.Equal("… is in the future", e[1].Kind);
    }

    [Theory]
    [InlineData("latitude 200.5 outside [-90, 90]", "latitude … outside [-90, 90]")]
    [InlineData("longitude -181 outside [-180, 180]", "longitude … outside [-180, 180]")]
    [InlineData("'abc' is not a number", "'…' is not a number")]
    [InlineData("'01/02/2024' is not a date (YYYY-MM-DD)", "'…' is not a date (YYYY-MM-DD)")]
    [InlineData("missing", "missing")]
    [InlineData("4G or 5G v3 osm-7", "4G or 5G v3 osm-7")]
    public void A_plain_reason_leaves_out_quoted_text_and_numbers_but_not_ranges(string reason, string kind) =>
        Assert.Equal(kind, new RowError("f", 1, "x", reason).Kind);

    [Fact]
    public void The_report_counts_rejections_per_field_and_reason_most_frequent_first()
    {
        var tally = new ImportTally("settlements", "a.csv");
        foreach (var lat in new[] { 95, 200, -91 }) tally.Reject(lat + 100, "lat", $"latitude {lat} outside [-90, 90]");
        foreach (var (id, line) in new[] { ("v3", 2), ("v4", 3) }) tally.Reject(line + 10, "id", $"duplicate id {id} (first on line {line})");
        tally.Reject(1, "lon", "latitude 5 outside [-90, 90]");
        Assert.Equal(
            [new("lat", "latitude … outside [-90, 90]", 3), new("id", "duplicate id … (first on line …)", 2), new RejectionCount("lon", "latitude … outside [-90, 90]", 1)],
            tally.ToReport(false).RejectedByReason);
    }
}
