using Dala.Registry.Import;
using Dala.Registry.Kato;
using Dala.Testing;
using static Dala.Storage.Tests.Validation.ImportValidation;

namespace Dala.Storage.Tests.Validation;

/// <summary>A KATO file that would undo most of the stored classifier is refused unless told to replace it.</summary>
public sealed class KatoGuardTests
{
    public static TheoryData<string> Kinds => TestStore.Kinds();

    /// <summary>The national data: regions, the HOT/OSM settlements and the 2022 KATO, as the README tour has them.</summary>
    private static TestStore National(string kind)
    {
        var t = TestStore.Create(kind);
        Assert.True(new RegionImporter(t.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        Assert.True(new SettlementImporter(t.Store, Clock).Import(SharedData.HotOsmPlaces).Committed);
        Assert.True(new KatoImporter(t.Store, Clock).Import(SharedData.Kato).Report.Committed);
        return t;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_two_row_or_truncated_classifier_is_refused_naming_what_it_would_unmatch(string kind)
    {
        using var t = National(kind);
        var matched = t.Store.ReadSnapshot().Settlements.Count(s => s.KatoCode is not null);
        Assert.InRange(matched, 4000, 7098);
        var lines = File.ReadAllLines(SharedData.Kato);
        var two = t.Dir.Write("two.csv", string.Join("\n", lines.Take(3)) + "\n");
        var r = Rejected(t, () => new KatoImporter(t.Store, Clock).Import(two).Report,
            FormattableString.Invariant($"two.csv:0: file: has 2 KATO units where the store has {lines.Length - 1:N0} (fewer than half) and would un-match "));
        Assert.Contains(FormattableString.Invariant($"of the {matched:N0} settlements matched now (first: osm-"), Assert.Single(r.Rejected).Reason);
        Assert.EndsWith("--replace imports it anyway", r.Rejected[0].Reason);

        // Cut at 60%: most units are there, but the regions after the cut lose every code.
        var cut = t.Dir.Write("cut.csv", string.Join("\n", lines.Take(lines.Length * 6 / 10)) + "\n");
        var c = Rejected(t, () => new KatoImporter(t.Store, Clock).Import(cut).Report, "cut.csv:0: file: would un-match ");
        Assert.DoesNotContain("fewer than half", c.Rejected[0].Reason);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Replace_imports_the_short_file_and_the_codes_go(string kind)
    {
        using var t = National(kind);
        var lines = File.ReadAllLines(SharedData.Kato);
        var two = t.Dir.Write("two.csv", string.Join("\n", lines.Take(3)) + "\n");
        var r = new KatoImporter(t.Store, Clock) { Replace = true }.Import(two).Report;
        Assert.True(r.Committed, string.Join("\n", r.Rejected));
        Assert.Equal((2, 0, 2), (r.Read, r.Stored, r.Unchanged));
        Assert.Equal(2, t.Store.ReadSnapshot().Kato.Count);
        Assert.DoesNotContain(t.Store.ReadSnapshot().Settlements, s => s.KatoCode is not null);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_full_classifier_reads_and_stores_the_same_units(string kind)
    {
        using var t = TestStore.Create(kind);
        Assert.True(new RegionImporter(t.Store, Clock).Import(SharedData.RegionsGeoJson).Committed);
        var r = new KatoImporter(t.Store, Clock).Import(SharedData.Kato).Report;
        var units = File.ReadAllLines(SharedData.Kato).Length - 1;
        Assert.Equal((units, units, 0), (r.Read, r.Stored, r.Unchanged));
    }
}
