using System.Globalization;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Registry.Store;
using Dala.Testing;

namespace Dala.Fibre.Tests.Planning;

/// <summary>The 7,098 OSM settlements of ../shared/data/kz/settlements-osm.csv as a registry view (regions by name).</summary>
public static class NationalSettlements
{
    private static readonly Lazy<RegistryView> View = new(Load);

    public static RegistryView Registry => View.Value;

    public static RegistryView Of(IEnumerable<Settlement> settlements)
    {
        var list = settlements.ToArray();
        var regions = list.Select(s => s.RegionCode).Distinct().Select(c => new Region(c, new Names(c), null, "test")).ToArray();
        return new RegistryView(new RegistrySnapshot(1, regions, list, [], [], [], [], null, null), new DateOnly(2026, 11, 21));
    }

    public static Settlement Place(string id, SettlementKind kind, int? population, double lon, double lat, string region = "R") =>
        new(id, new Names(id), kind, new Population(population, population is null ? null : "test"), new LonLat(lon, lat), region, null, "test");

    private static RegistryView Load()
    {
        using var text = File.OpenText(SharedData.SettlementsCsv);
        var rows = CsvReader.Read(text).ToList();
        var h = rows[0].Fields.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        return Of(rows.Skip(1).Select(r =>
        {
            var f = r.Fields;
            int? pop = int.TryParse(f[h["population"]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
            return Place("osm-" + f[h["osm_id"]], SettlementKinds.Parse(f[h["place"]])!.Value, pop,
                double.Parse(f[h["lon"]], CultureInfo.InvariantCulture), double.Parse(f[h["lat"]], CultureInfo.InvariantCulture), f[h["region_osmb"]]);
        }));
    }
}
