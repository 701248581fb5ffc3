using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Registry.Import;

public sealed partial class SettlementImporter
{
    /// <summary>Columns: id (or osm_id), name, kind (or place), lon, lat; optional name_kk, name_ru, name_en,
    /// population, population_source, region (or region_code, region_osmb), kato.</summary>
    public static readonly string[] CsvRequired = ["id|osm_id", "name", "kind|place", "lon", "lat"];

    private static List<SettlementRow> ReadCsv(InputFile file, ImportTally tally, IProgress<ImportProgress>? progress)
    {
        var rows = new List<SettlementRow>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        CsvInput.Read(file, tally, ',', CsvRequired, (h, r) =>
        {
            string? Get(string names) => CsvInput.Get(h, r, names);
            var osm = h.Has("id") ? null : Get("osm_id");
            var id = osm is not null ? "osm-" + osm : Get("id");
            if (id is null) { tally.Reject(r.Line, "id", "missing"); return; }
            if (!Parse.IsId(id)) { tally.Reject(r.Line, "id", $"'{Parse.Clip(id)}' is not a valid id (1-64 of A-Z a-z 0-9 . _ : -)"); return; }
            if (firstLine.TryGetValue(id, out var first)) { tally.Reject(r.Line, "id", $"duplicate id {id} (first on line {first})"); return; }
            firstLine[id] = r.Line;
            var name = Get("name");
            if (name is null) { tally.Reject(r.Line, "name", "missing"); return; }
            var names = new Names(name, Get("name_kk"), Get("name_ru"), Get("name_en"));
            if (!NameRules.Check(tally, r.Line, ("name", name), ("name_kk", names.Kk), ("name_ru", names.Ru), ("name_en", names.En))) return;
            var kindText = Get("kind|place");
            if (SettlementKinds.Parse(kindText) is not { } kind)
            {
                tally.Reject(r.Line, "kind", $"'{kindText}' is not one of {SettlementKinds.Names}");
                return;
            }
            var lon = Parse.Number(Get("lon"), out var lonProblem);
            if (lon is null) { tally.Reject(r.Line, "lon", lonProblem!); return; }
            var lat = Parse.Number(Get("lat"), out var latProblem);
            if (lat is null) { tally.Reject(r.Line, "lat", latProblem!); return; }
            var at = new LonLat(lon.Value, lat.Value);
            if (at.Problem() is { } problem) { tally.Reject(r.Line, lon is < -180 or > 180 ? "lon" : "lat", problem); return; }
            var pop = Parse.Population(Get("population"), out var popProblem);
            if (popProblem is not null) { tally.Reject(r.Line, "population", popProblem); return; }
            var source = osm is not null ? "osm" : "csv:" + file.Name;
            rows.Add(new SettlementRow(r.Line, id,
                names, kind,
                pop is null ? Population.Unknown : new Population(pop, Get("population_source") ?? source),
                at, Get("region|region_code|region_osmb"), Get("kato|kato_code"), source));
        }, progress);
        return rows;
    }
}
