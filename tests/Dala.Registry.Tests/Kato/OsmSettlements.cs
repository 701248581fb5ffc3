using System.Globalization;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Kato;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Dala.Testing;

namespace Dala.Registry.Tests.Kato;

/// <summary>The 7,098 real OSM settlements of ../shared/data/kz/settlements-osm.csv as a snapshot, without a store.</summary>
internal static class OsmSettlements
{
    private static readonly Lazy<RegistrySnapshot> Real = new(() => Build(Read(SharedData.SettlementsCsv)));

    private static readonly Lazy<IReadOnlyList<KatoUnit>> RealKato = new(() => KatoClassifier.Read(SharedData.Kato).Kato.Units);

    public static RegistrySnapshot Snapshot => Real.Value;

    /// <summary>The units of the real classifier, read once.</summary>
    public static IReadOnlyList<KatoUnit> Kato => RealKato.Value;

    public static RegistrySnapshot Build(IReadOnlyList<Settlement> settlements)
    {
        var regions = KazakhstanRegions.All.Select(e => new Region(e.Code, new Names(e.En, e.Kk, e.Ru, e.En), null, "test")).ToList();
        return new RegistrySnapshot(1, regions, settlements, [], [], [], [], null, null);
    }

    public static List<Settlement> Read(string path)
    {
        using var text = new StreamReader(path);
        var rows = CsvReader.Read(text).ToList();
        var h = new CsvHeader(rows[0]);
        return rows.Skip(1).Select(r =>
        {
            string? Get(string n) => h.Get(r, n);
            var region = KazakhstanRegions.FindByName(Get("region_osmb"))
                ?? throw new InvalidDataException($"line {r.Line}: unknown region {Get("region_osmb")}");
            var pop = int.TryParse(Get("population"), CultureInfo.InvariantCulture, out var p) ? new Population(p, "osm") : Population.Unknown;
            return new Settlement("osm-" + Get("osm_id"), new Names(Get("name")!, Get("name_kk"), Get("name_ru"), Get("name_en")),
                SettlementKinds.Parse(Get("place")) ?? SettlementKind.Hamlet, pop,
                new LonLat(double.Parse(Get("lon")!, CultureInfo.InvariantCulture), double.Parse(Get("lat")!, CultureInfo.InvariantCulture)),
                region.Code, null, "osm");
        }).ToList();
    }

    public static Settlement Make(string id, string name, string region, SettlementKind kind = SettlementKind.Village,
        string? kk = null, string? ru = null, string? en = null, string? kato = null) =>
        new(id, new Names(name, kk, ru, en), kind, Population.Unknown, new LonLat(70, 50), region, kato, "test");
}
