using Dala.Registry.Import;
using NetTopologySuite.Geometries;
using static Dala.Storage.Tests.Validation.ImportValidation;

namespace Dala.Storage.Tests.Validation;

/// <summary>A region polygon that is not valid is rejected with IsValidOp's reason, or repaired on request.</summary>
public sealed class PolygonValidationTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    /// <summary>A bow tie: its edges cross at (71 52).</summary>
    public const string BowTie = Head +
        "{ \"type\": \"Feature\", \"properties\": { \"name\": \"Akmola Region\", \"code\": \"KZ-11\" }, \"geometry\": " +
        "{ \"type\": \"Polygon\", \"coordinates\": [[[70,51],[72,53],[72,51],[70,53],[70,51]]] } }" + Tail;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_self_crossing_polygon_is_rejected_with_the_reason_and_where(string kind)
    {
        using var t = Store(kind);
        var path = t.Dir.Write("bowtie.geojson", BowTie);
        var r = Rejected(t, () => new RegionImporter(t.Store, Clock).Import(path),
            "bowtie.geojson:4: geometry: polygon is not valid: Self-intersection at (71 52) (--repair-polygons repairs it)");
        Assert.Single(r.Rejected);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void With_repair_the_polygon_is_fixed_and_counted(string kind)
    {
        using var t = Store(kind);
        var r = new RegionImporter(t.Store, Clock) { RepairPolygons = true }.Import(t.Dir.Write("bowtie.geojson", BowTie));
        Assert.True(r.Committed, string.Join("\n", r.Rejected));
        Assert.Contains(r.Notes, n => n.StartsWith("1 polygon(s) were not valid and were repaired", StringComparison.Ordinal) && n.EndsWith("on line(s) 4", StringComparison.Ordinal));
        var area = t.Store.ReadSnapshot().RegionsByCode["KZ-11"].Area!;
        Assert.True(area.IsValid);
        Assert.IsType<MultiPolygon>(area);
        Assert.Equal(2.0, area.Area, 9);
    }
}
