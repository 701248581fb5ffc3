using Dala.Registry.Kato;
using Dala.Registry.Model;
using static Dala.Registry.Tests.Kato.OsmSettlements;

namespace Dala.Registry.Tests.Kato;

/// <summary>The matching rules on small made-up registries (KZ-11 is Akmola, KATO prefix 11).</summary>
public sealed class KatoMatcherTests
{
    private static readonly KatoUnit[] Units =
    [
        new(1, 0, "110000000", "Акмолинская область"),
        new(2, 1, "113200000", "Аккольский район"),
        new(3, 2, "113220000", "Аккольская г.а."),
        new(4, 3, "113220100", "г.Акколь"),
        new(5, 2, "113233000", "Азатский с.о."),
        new(6, 5, "113233100", "с.Акколь"),
        new(7, 5, "113233200", "с.Абай"),
        new(8, 2, "113235100", "с.Абай"),
        new(9, 5, "113233300", "с.Черниговское"),
        new(10, 5, "113233400", "с.Кирова"),
        new(11, 5, "113233500", "с.Кировка"),
        new(12, 5, "113233600", "с.Береке"),
        new(13, 0, "150000000", "Актюбинская область"),
        new(14, 13, "153437100", "с.Аралтогай"),
    ];

    private static KatoMatchResult Match(params Settlement[] settlements) => KatoMatcher.Match(Build(settlements), Units);

    [Fact]
    public void A_name_unique_on_both_sides_matches()
    {
        var r = Match(Make("a", "Береке", "KZ-11"));
        Assert.Equal("113233600", r.For("a")!.KatoCode);
        Assert.Null(r.For("a")!.Reason);
    }

    [Fact]
    public void Administrative_units_are_never_matched()
    {
        var r = Match(Make("a", "Азатский с.о.", "KZ-11"), Make("b", "Аккольский район", "KZ-11"));
        Assert.All(r.Settlements, m => Assert.Null(m.KatoCode));
    }

    [Fact]
    public void Two_KATO_places_of_one_name_are_ambiguous()
    {
        var m = Match(Make("a", "Абай", "KZ-11")).For("a")!;
        Assert.Null(m.KatoCode);
        Assert.StartsWith("ambiguous: 2 KATO entries named 'с.Абай'", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_settlements_of_one_name_are_ambiguous()
    {
        var r = Match(Make("a", "Береке", "KZ-11"), Make("b", "Береке", "KZ-11", SettlementKind.Hamlet));
        Assert.All(r.Settlements, m => Assert.StartsWith("ambiguous: 2 settlements", m.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Town_against_village_settles_a_shared_name()
    {
        var r = Match(Make("t", "Ақкөл", "KZ-11", SettlementKind.Town), Make("v", "Акколь", "KZ-11", SettlementKind.Village));
        Assert.Equal("113220100", r.For("t")!.KatoCode);
        Assert.Equal("113233100", r.For("v")!.KatoCode);
    }

    [Fact]
    public void Only_the_settlements_own_region_is_searched()
    {
        var r = Match(Make("a", "Аралтоғай", "KZ-11"), Make("b", "Аралтоғай", "KZ-15"));
        Assert.Equal("no KATO entry named 'Аралтоғай' in Akmola Region", r.For("a")!.Reason);
        Assert.Equal("153437100", r.For("b")!.KatoCode);
    }

    [Fact]
    public void A_region_that_is_not_Kazakh_gets_no_match()
    {
        var m = Match(Make("a", "Береке", "osm-r123")).For("a")!;
        Assert.Null(m.KatoCode);
        Assert.Contains("not one of Kazakhstan's regions", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_point_at_two_places_match_neither()
    {
        var m = Match(Make("a", "Береке", "KZ-11", ru: "Черниговское")).For("a")!;
        Assert.StartsWith("ambiguous: its names match 2 KATO entries", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adjectival_form_is_another_name()
    {
        var m = Match(Make("a", "Черниговка", "KZ-11")).For("a")!;
        Assert.Equal("no KATO entry named 'Черниговка' in Akmola Region", m.Reason);
    }

    [Fact]
    public void A_rival_matched_elsewhere_under_its_own_name_steps_aside()
    {
        // OSM gives both «Кировка» and «Кирова» the Kazakh name «Киров»; Кировка is settled by its own name.
        var r = Match(Make("a", "Кировка", "KZ-11", kk: "Киров"), Make("b", "Кирова", "KZ-11", kk: "Киров"));
        Assert.Equal("113233500", r.For("a")!.KatoCode);
        Assert.Equal("113233400", r.For("b")!.KatoCode);
    }

    [Fact]
    public void Region_stats_count_and_list_the_unmatched()
    {
        var r = Match(Make("a", "Береке", "KZ-11"), Make("b", "Абай", "KZ-11"), Make("c", "Аралтоғай", "KZ-15"));
        var akmola = Assert.Single(r.Regions, s => s.RegionCode == "KZ-11");
        Assert.Equal(("Akmola Region", 2, 1, 0.5), (akmola.RegionName, akmola.Settlements, akmola.Matched, akmola.MatchRate));
        Assert.Equal("b", Assert.Single(akmola.Unmatched).SettlementId);
        Assert.Equal(2, r.Matched);
    }
}
