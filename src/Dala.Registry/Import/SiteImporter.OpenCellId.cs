using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Registry.Import;

public sealed partial class SiteImporter
{
    /// <summary>
    /// OpenCelliD has cells at estimated positions, without azimuth, power or band. Each 4G (LTE) or 5G (NR) cell
    /// becomes a site with one omni sector under these assumptions; 2G/3G cells are skipped with a counted reason.
    /// </summary>
    public static readonly (double MastM, double EirpDbm, double Lte, double LteBandwidth, double NrMHz, double NrBandwidth) OpenCellIdAssumptions =
        (30, 61, 1800, 20, 3500, 100);

    private static List<Site> ReadOpenCellId(InputFile file, ImportTally tally, IProgress<ImportProgress>? progress)
    {
        var a = OpenCellIdAssumptions;
        var sites = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<Site>();
        CsvInput.Read(file, tally, ',', OpenCellIdRequired, (h, r) =>
        {
            string? Get(string n) => CsvInput.Get(h, r, n);
            var radio = Get("radio")?.ToUpperInvariant();
            Technology? tech = radio switch { "LTE" => Technology.FourG, "NR" => Technology.FiveG, _ => null };
            if (tech is null)
            {
                if (radio is "GSM" or "UMTS" or "CDMA") tally.Skip($"2G/3G cell (radio={radio})");
                else tally.Reject(r.Line, "radio", $"'{Get("radio")}' is not GSM, UMTS, CDMA, LTE or NR");
                return;
            }
            var before = tally.Rejected.Count;
            var lon = InRange(Get("lon"), "lon", -180, 180, r.Line, tally);
            var lat = InRange(Get("lat"), "lat", -90, 90, r.Line, tally);
            var (mcc, net, area, cell) = (Get("mcc"), Get("net"), Get("area"), Get("cell"));
            foreach (var (name, v) in new[] { ("mcc", mcc), ("net", net), ("area", area), ("cell", cell) })
            {
                if (v is null || !v.All(char.IsAsciiDigit)) tally.Reject(r.Line, name, v is null ? "missing" : $"'{Parse.Clip(v)}' is not a number");
            }
            if (tally.Rejected.Count > before) return;
            var id = $"ocid-{mcc}-{net}-{area}-{cell}";
            if (sites.TryGetValue(id, out var first)) { tally.Reject(r.Line, "cell", $"duplicate cell {id} (first on line {first})"); return; }
            sites[id] = r.Line;
            var nr = tech == Technology.FiveG;
            var sector = new Sector("1", 0, 0, nr ? a.NrMHz : a.Lte, nr ? a.NrBandwidth : a.LteBandwidth, a.EirpDbm, "omni", tech.Value);
            list.Add(new Site(id, null, new LonLat(lon!.Value, lat!.Value), null, a.MastM, $"{mcc}-{net}", [sector], "opencellid:" + file.Name, false));
        }, progress);
        return list;
    }
}
