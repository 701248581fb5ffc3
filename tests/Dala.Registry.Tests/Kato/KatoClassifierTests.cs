using Dala.Registry.Kato;
using Dala.Registry.Model;
using Dala.Testing;

namespace Dala.Registry.Tests.Kato;

/// <summary>The real classifier of 17 October 2022 (../shared/data/kz/kato-2022-10-17.csv).</summary>
public sealed class KatoClassifierTests
{
    private static readonly Lazy<(KatoClassifier Kato, Import.ImportReport Report)> Real = new(() => KatoClassifier.Read(SharedData.Kato));

    private static KatoClassifier Kato => Real.Value.Kato;

    [Fact]
    public void Reads_every_row_of_the_real_file()
    {
        Assert.Empty(Real.Value.Report.Rejected);
        Assert.Equal(16264, Real.Value.Report.Read);
        Assert.Equal(16264, Kato.Units.Count);
        Assert.Equal(new KatoUnit(1, 0, "100000000", "область Абай"), Kato.Units[0]);
    }

    [Fact]
    public void Has_the_20_regions_each_with_a_known_ISO_code()
    {
        Assert.Equal(20, Kato.Regions.Count);
        var codes = Kato.Regions.Select(r => KatoClassifier.RegionOf(r)?.Code).ToList();
        Assert.DoesNotContain(null, codes);
        Assert.Equal(KazakhstanRegions.All.Select(e => e.Code).Order(), codes.Order());
        Assert.Equal("KZ-11", KatoClassifier.RegionOf(Kato.FindByCode("110000000")!)!.Code);
        Assert.All(Kato.Regions, r => Assert.Equal(KatoKind.Region, KatoKinds.Of(r)));
    }

    [Fact]
    public void A_village_has_its_path_from_the_region_through_the_okrug()
    {
        var abraly = Kato.FindByCode("101033100")!;
        Assert.Equal("с.Абралы", abraly.Name);
        Assert.Equal(["область Абай", "Семей Г.А.", "Абралинский с.о.", "с.Абралы"], Kato.PathOf(abraly).Select(u => u.Name));
        Assert.Equal("область Абай > Семей Г.А. > Абралинский с.о. > с.Абралы", Kato.PathText(abraly));
        Assert.Contains(abraly, Kato.ChildrenOf(Kato.Find(abraly.ParentId)!));
    }

    [Fact]
    public void A_village_under_another_village_follows_parent_id_not_the_code()
    {
        var old = Kato.FindByCode("117033605")!;
        var path = Kato.PathOf(old).Select(u => u.Name).ToList();
        Assert.Equal(["Акмолинская область", "Бурабайский район", "Абылайхановский с.о.", "с.Карабауыр", "с.Старый Карабаур"], path);
    }

    [Fact]
    public void Tells_populated_places_from_administrative_units()
    {
        Assert.Equal(KatoKind.CityAdministration, KatoKinds.Of(Kato.FindByCode("101000000")!));
        Assert.Equal(KatoKind.RuralOkrug, KatoKinds.Of(Kato.FindByCode("101033000")!));
        Assert.Equal(KatoKind.City, KatoKinds.Of(Kato.FindByCode("101010000")!));
        Assert.Equal(KatoKind.Village, KatoKinds.Of(Kato.FindByCode("613645700")!));
        Assert.Equal(KatoKind.District, KatoKinds.Of("Балхашский район", false));
        Assert.Equal(KatoKind.District, KatoKinds.Of("район Ақсуат", false));
        Assert.Equal(KatoKind.RuralOkrug, KatoKinds.Of("с.о.Танирберген", false));
        Assert.Equal(KatoKind.RuralOkrug, KatoKinds.Of("Чаганская п.а.", false));
        Assert.Equal(KatoKind.Settlement, KatoKinds.Of("п.Чаган", false));
        Assert.Equal(KatoKind.Station, KatoKinds.Of("рзд.Дюсакен", false));
        Assert.Equal(KatoKind.Farmstead, KatoKinds.Of("зимовка Жанабаз", false));
        Assert.Equal(KatoKind.Farmstead, KatoKinds.Of("уч.Тошала", false));
        var settlements = Kato.Settlements.ToList();
        Assert.InRange(settlements.Count, 13600, 13800);
        Assert.DoesNotContain(settlements, u => u.Name.EndsWith("с.о.", StringComparison.Ordinal) || u.Name.EndsWith(" район", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_the_bare_quotes_of_the_official_export_in_the_name()
    {
        Assert.Equal("с.\"Ќоянды\"", Kato.FindByCode("552244200")!.Name);
        Assert.Contains(Real.Value.Report.Notes, n => n.Contains("quotes", StringComparison.Ordinal));
    }
}
