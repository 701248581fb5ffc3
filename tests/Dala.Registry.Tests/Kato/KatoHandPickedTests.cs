using Dala.Registry.Kato;
using Dala.Registry.Model;

namespace Dala.Registry.Tests.Kato;

/// <summary>
/// Acceptance: real OSM settlements whose names differ from their KATO entry only by Kazakh letters
/// (ә ғ қ ң ө ұ ү һ і), a soft sign, a transliteration or a «named after» form. Each code was looked up by
/// hand in kato-2022-10-17.csv (region and district checked), not computed by the code under test.
/// </summary>
public sealed class KatoHandPickedTests
{
    private static readonly Lazy<KatoMatchResult> Result = new(() =>
        KatoMatcher.Match(OsmSettlements.Snapshot, OsmSettlements.Kato));

    [Theory]
    // Kazakh letters only (no Russian form in OSM).
    [InlineData("osm-1822567030", "Аралтоғай", "153437100")]      // с.Аралтогай, Aktobe
    [InlineData("osm-2209548496", "Белқопа", "153453300")]        // с.Белкопа, Aktobe
    [InlineData("osm-11780853337", "Байбұлақ", "196233500")]      // с.Байбулак, Almaty Region
    [InlineData("osm-11782619215", "Кіші Байсерке", "196249500")] // с.Киши Байсерке, Almaty Region
    [InlineData("osm-2599474356", "Сазды бұлақ", "113241300")]    // с.Сазды булак, Akmola
    [InlineData("osm-3783111026", "Тоғайлы", "435235400")]        // с.Тогайлы, Kyzylorda
    [InlineData("osm-11780842973", "Алтындән", "196233300")]      // с.Алтындан, Almaty Region
    [InlineData("osm-7117517633", "Арасан-Қапал", "333235200")]   // с.Арасан-Капал, Jetisu
    // Kazakh letters and a soft sign.
    [InlineData("osm-5908265600", "Жарөткел", "153453500")]       // с.Жароткель, Aktobe
    [InlineData("osm-11781280477", "Гүлдала", "196249100")]       // с.Гульдала, Almaty Region
    [InlineData("osm-2582338939", "Күреңбел", "314249100")]       // с.Куренбель, Jambyl
    [InlineData("osm-2583913990", "Әлжан ана", "314845100")]      // с.Альжан ана, Jambyl
    [InlineData("osm-244002286", "Қаншеңгел", "194273300")]       // с.Каншенгель, Almaty Region (OSM's Russian is «Канченгель»)
    [InlineData("osm-2567720890", "Ақкөл", "113220100")]          // г.Акколь, Akmola (a town)
    // Named after a person: «ауылы», genitive and possessive forms.
    [InlineData("osm-2914614411", "Ақан Құрманов ауылы", "113851100")] // с.Акана Курманова, Akmola
    [InlineData("osm-3257028641", "Мыңбаев", "194257100")]        // с.Мынбаево, Almaty Region
    public void Real_settlement_gets_the_hand_checked_code(string id, string name, string kato)
    {
        var m = Result.Value.For(id)!;
        Assert.Equal(name, m.Name);
        Assert.Equal(kato, m.KatoCode);
    }

    [Theory]
    [InlineData("osm-2567720890", "Aqköl", "113220100")]      // г.Акколь
    [InlineData("osm-303908697", "Esil", "114820100")]        // г.Есиль
    [InlineData("osm-11782891587", "Saqtan", "196247780")]    // с.Сактан
    [InlineData("osm-7147865041", "Kakimzhan", "334837200")]  // с.Какимжан
    [InlineData("osm-243487112", "Balpıq bï", "334230100")]   // с.Балпык би
    public void A_Latin_name_alone_finds_the_code(string id, string latin, string kato)
    {
        var real = OsmSettlements.Snapshot;
        var settlements = real.Settlements.Select(s => s.Id == id ? s with { Name = new Names(latin, En: latin) } : s).ToList();
        var result = KatoMatcher.Match(OsmSettlements.Build(settlements), OsmSettlements.Kato);
        Assert.Equal(kato, result.For(id)!.KatoCode);
    }
}
