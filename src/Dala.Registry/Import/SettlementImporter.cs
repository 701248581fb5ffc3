using Dala.Geo;
using Dala.Registry.Store;

namespace Dala.Registry.Import;

/// <summary>
/// Imports settlements from the HOT/OSM populated-places GeoJSON export (or any GeoJSON of points with the
/// same properties) and from CSV with lon/lat. Settlements are added or updated, never deleted; a re-run
/// changes nothing. Any rejected row means nothing is written.
/// </summary>
public sealed partial class SettlementImporter(IRegistryStore store, IClock clock)
{
    public ImportReport Import(string path, IProgress<ImportProgress>? progress = null)
    {
        var tally = new ImportTally("settlements", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        if (file is null) return tally.ToReport(false);
        var geoJson = IsJson(file);
        var rows = geoJson ? ReadGeoJson(file, tally, progress) : ReadCsv(file, tally, progress);
        if (tally.Rejected.Any(r => r.Field == "file" || r.Field == "header")) return tally.ToReport(false);
        return Apply(file, rows, tally, clipToRegions: geoJson, progress);
    }

    private static bool IsJson(InputFile file)
    {
        var ext = Path.GetExtension(file.Path).ToLowerInvariant();
        if (ext is ".geojson" or ".json") return true;
        if (ext is ".csv" or ".txt") return false;
        foreach (var b in file.Bytes)
        {
            if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0xEF or 0xBB or 0xBF) continue;
            return b == (byte)'{';
        }
        return false;
    }
}
