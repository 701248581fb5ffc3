using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Registry.Import;

public sealed partial class SiteImporter
{
    private static List<Site> ReadSiteCsv(InputFile file, ImportTally tally, IProgress<ImportProgress>? progress)
    {
        var sites = new Dictionary<string, (int Line, Site Site)>(StringComparer.Ordinal);
        CsvInput.Read(file, tally, ',', SiteCsvRequired, (h, r) =>
        {
            string? Get(string n) => CsvInput.Get(h, r, n);
            var before = tally.Rejected.Count;
            var id = Get("site_id");
            if (id is null || !Parse.IsId(id)) { tally.Reject(r.Line, "site_id", id is null ? "missing" : $"'{Parse.Clip(id)}' is not a valid id"); return; }
            var lon = InRange(Get("lon"), "lon", -180, 180, r.Line, tally);
            var lat = InRange(Get("lat"), "lat", -90, 90, r.Line, tally);
            var ground = InRange(Get("ground_m"), "ground_m", -500, 9000, r.Line, tally, required: false);
            var mast = InRange(Get("mast_m"), "mast_m", 1, 300, r.Line, tally);
            var sectorId = Get("sector_id");
            if (sectorId is null || !Parse.IsId(sectorId)) tally.Reject(r.Line, "sector_id", sectorId is null ? "missing" : $"'{Parse.Clip(sectorId)}' is not a valid id");
            var az = InRange(Get("azimuth_deg"), "azimuth_deg", 0, 360, r.Line, tally);
            var tilt = InRange(Get("tilt_deg"), "tilt_deg", -20, 45, r.Line, tally);
            var freq = InRange(Get("frequency_mhz"), "frequency_mhz", 400, 100_000, r.Line, tally);
            var bw = InRange(Get("bandwidth_mhz"), "bandwidth_mhz", 1.4, 400, r.Line, tally);
            var eirp = InRange(Get("eirp_dbm"), "eirp_dbm", 0, 90, r.Line, tally);
            var tech = Technologies.Parse(Get("technology"));
            if (tech is not (Technology.FourG or Technology.FiveG)) tally.Reject(r.Line, "technology", $"'{Get("technology")}' is not 4G or 5G");
            NameRules.Check(tally, r.Line, ("name", Get("name")));
            if (tally.Rejected.Count > before) return;
            var sector = new Sector(sectorId!, az!.Value, tilt!.Value, freq!.Value, bw!.Value, eirp!.Value, Get("pattern") ?? "3gpp", tech!.Value);
            var site = new Site(id, Get("name"), new LonLat(lon!.Value, lat!.Value), ground, mast!.Value, Get("operator"), [sector], "csv:" + file.Name, false);
            if (!sites.TryGetValue(id, out var seen)) { sites[id] = (r.Line, site); return; }
            if (seen.Site with { Sectors = [] } != site with { Sectors = [] })
            {
                tally.Reject(r.Line, "site_id", $"site {id} is described differently on line {seen.Line} (location, mast, name or operator)");
                return;
            }
            if (seen.Site.Sectors.Any(s => s.Id == sector.Id)) { tally.Reject(r.Line, "sector_id", $"duplicate sector {sector.Id} of site {id}"); return; }
            sites[id] = (seen.Line, seen.Site with { Sectors = [.. seen.Site.Sectors, sector] });
        }, progress);
        return sites.Values.Select(v => v.Site).ToList();
    }
}
