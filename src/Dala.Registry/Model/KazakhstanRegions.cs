namespace Dala.Registry.Model;

/// <summary>
/// The 20 first-level units of Kazakhstan since June 2022 (17 oblasts and 3 cities of republican
/// significance): ISO 3166-2:KZ code (its digits are the KATO prefix), names in English, Russian and Kazakh,
/// and the other spellings seen in OSM, KATO and GeoNames (admin1 codes), so that any of them resolves.
/// </summary>
public static class KazakhstanRegions
{
    public sealed record Entry(string Code, string En, string Ru, string Kk, string[] Aliases, string[] GeoNamesAdmin1)
    {
        public string KatoPrefix => Code[3..];

        public IEnumerable<string> AllNames() => new[] { En, Ru, Kk }.Concat(Aliases);

        /// <summary>The registry's spelling in every language: what a known region is called wherever it comes from.</summary>
        public Names Names() => new(En, Kk, Ru, En);
    }

    public static readonly IReadOnlyList<Entry> All =
    [
        new("KZ-10", "Abai Region", "Абайская область", "Абай облысы", ["Abay Region", "область Абай"], ["12510143"]),
        new("KZ-11", "Akmola Region", "Акмолинская область", "Ақмола облысы", ["Aqmola Region"], ["03"]),
        new("KZ-15", "Aktobe Region", "Актюбинская область", "Ақтөбе облысы", ["Aqtöbe region", "Aqtobe Region"], ["04"]),
        new("KZ-19", "Almaty Region", "Алматинская область", "Алматы облысы", [], ["01"]),
        new("KZ-23", "Atyrau Region", "Атырауская область", "Атырау облысы", [], ["06"]),
        new("KZ-27", "West Kazakhstan Region", "Западно-Казахстанская область", "Батыс Қазақстан облысы", [], ["07"]),
        new("KZ-31", "Jambyl Region", "Жамбылская область", "Жамбыл облысы", ["Zhambyl Region"], ["17"]),
        new("KZ-33", "Jetisu Region", "Жетысуская область", "Жетісу облысы", ["область Жетісу", "Zhetysu Region"], ["12510144"]),
        new("KZ-35", "Karaganda Region", "Карагандинская область", "Қарағанды облысы", ["Qaraghandy Region"], ["12"]),
        new("KZ-39", "Kostanay Region", "Костанайская область", "Қостанай облысы", ["Qostanay Region"], ["13"]),
        new("KZ-43", "Kyzylorda Region", "Кызылординская область", "Қызылорда облысы", ["Qyzylorda Region"], ["14", "08"]),
        new("KZ-47", "Mangystau Region", "Мангистауская область", "Маңғыстау облысы", ["Mangghystau Region"], ["09"]),
        new("KZ-55", "Pavlodar Region", "Павлодарская область", "Павлодар облысы", [], ["11"]),
        new("KZ-59", "North Kazakhstan Region", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы", [], ["16"]),
        new("KZ-61", "Turkistan Region", "Туркестанская область", "Түркістан облысы", ["South Kazakhstan Region"], ["10"]),
        new("KZ-62", "Ulytau Region", "Улытауская область", "Ұлытау облысы", ["область Ұлытау"], ["12510145"]),
        new("KZ-63", "East Kazakhstan Region", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы", [], ["15"]),
        new("KZ-71", "Astana", "г.Астана", "Астана", ["Astana city", "город Астана"], ["05"]),
        new("KZ-75", "Almaty", "г.Алматы", "Алматы", ["Almaty city", "город Алматы"], ["02"]),
        new("KZ-79", "Shymkent", "г.Шымкент", "Шымкент", ["Shymkent city", "город Шымкент"], ["1537272"]),
    ];

    private static readonly Dictionary<string, Entry> ByName = All
        .SelectMany(e => e.AllNames().Select(n => (Key: Fold(n), e)))
        .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().e);

    /// <summary>The entry whose name (in any language or spelling above) equals the text, ignoring case.</summary>
    public static Entry? FindByName(string? name) =>
        name is not null && ByName.TryGetValue(Fold(name), out var e) ? e : null;

    public static Entry? FindByCode(string? code) => All.FirstOrDefault(e => e.Code == code);

    public static Entry? FindByKatoPrefix(string prefix) => All.FirstOrDefault(e => e.KatoPrefix == prefix);

    public static Entry? FindByGeoNamesAdmin1(string? admin1) =>
        All.FirstOrDefault(e => admin1 is not null && e.GeoNamesAdmin1.Contains(admin1));

    private static string Fold(string s) =>
        string.Join(' ', s.Trim().ToLowerInvariant().Replace('ё', 'е').Replace(". ", ".").Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
