using System.Text.RegularExpressions;
using Dala.Registry.Model;

namespace Dala.Registry.Kato;

/// <summary>What a KATO entry is, read from the abbreviation in its name. Administrative units come first;
/// from <see cref="City"/> on, every kind is a populated place.</summary>
public enum KatoKind
{
    /// <summary>A top-level unit (parent 0): an oblast or a city of republican significance.</summary>
    Region,

    /// <summary>«... район», «район ...» and district administrations («р.а.»).</summary>
    District,

    /// <summary>City and town administrations: «... Г.А.», «... г.а.».</summary>
    CityAdministration,

    /// <summary>Rural okrugs and rural or settlement administrations: «с.о.», «с.а.», «п.а.».</summary>
    RuralOkrug,

    /// <summary>«г.» city or town.</summary>
    City,

    /// <summary>«с.» village or «аул».</summary>
    Village,

    /// <summary>«п.» settlement, «пгт.», «крес.пос.».</summary>
    Settlement,

    /// <summary>«ст.» railway station, «рзд.» passing loop, stopping points.</summary>
    Station,

    /// <summary>«уч.», «отг.», «кр.», «зимовка», «точка», «ферма», «Отд.» and other seasonal or farm places.</summary>
    Farmstead,

    /// <summary>Any other named place the classifier lists (a forestry, a rest home, a cordon).</summary>
    OtherPlace,
}

public static partial class KatoKinds
{
    public static KatoKind Of(KatoUnit unit) => Of(unit.Name, unit.ParentId == 0);

    public static KatoKind Of(string name, bool topLevel)
    {
        if (topLevel) return KatoKind.Region;
        var n = name.Trim();
        if (DistrictPattern().IsMatch(n)) return KatoKind.District;
        if (CityAdministrationPattern().IsMatch(n)) return KatoKind.CityAdministration;
        if (OkrugPattern().IsMatch(n)) return KatoKind.RuralOkrug;
        if (Starts(n, "г.")) return KatoKind.City;
        if (Starts(n, "с.", "аул ", "а.") || n.EndsWith(" с.", StringComparison.Ordinal)) return KatoKind.Village;
        if (Starts(n, "п.", "пгт.", "крес.пос.", "поселок ", "Поселок ", "посёлок ")) return KatoKind.Settlement;
        if (StationPattern().IsMatch(n)) return KatoKind.Station;
        if (FarmsteadPattern().IsMatch(n)) return KatoKind.Farmstead;
        return KatoKind.OtherPlace;
    }

    /// <summary>Populated places (cities, villages, settlements, stations, farmsteads ...), not administrative units.</summary>
    public static bool IsSettlement(this KatoKind kind) => kind >= KatoKind.City;

    public static bool IsSettlement(this KatoUnit unit) => Of(unit).IsSettlement();

    private static bool Starts(string name, params string[] prefixes) =>
        prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    [GeneratedRegex(@"(^|\s)район($|\s)|(^|\s)р\.а\.($|\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DistrictPattern();

    [GeneratedRegex(@"(^|\s)(Г\.А\.|г\.а\.)$|^г\.а\.\s")]
    private static partial Regex CityAdministrationPattern();

    // Lower case only: «с.О.Тайманова» is the village «О.Тайманова», «с.о.Танирберген» is an okrug.
    [GeneratedRegex(@"^(с\.о|с\.а|п\.а)(\.|\s|$)|(^|\s)(с\.о\.?|с\.а\.|п\.а\.)$")]
    private static partial Regex OkrugPattern();

    [GeneratedRegex(@"^(ст\.|рзд\.?|разъезд|станция|ост\.\s?пункт|железнодорожная ст)|\sст\.$|\sрзд$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StationPattern();

    [GeneratedRegex(@"^(уч\.|отг\.|кр\.|отд\.|жив\.|зимовка|точка|ферма|кашара|заимка|поселье|отгон|мтф|бригада)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FarmsteadPattern();
}
