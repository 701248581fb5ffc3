using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Store;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Dala.Registry.Import;

/// <summary>
/// Imports region polygons from GeoJSON (Polygon or MultiPolygon features; names in several languages).
/// A region's code comes from a code property (code, iso3166-2, ISO3166-2, ref), else from its name when it
/// is one of Kazakhstan's 20 regions (ISO 3166-2:KZ), else from its OSM id. Settlements are then placed
/// in the polygon that contains them, in the same transaction; regions left without polygon and settlements
/// (such as GeoNames' placeholder regions) are removed. A polygon that is not valid (self-crossing, a hole outside
/// its shell) is rejected with the reason NetTopologySuite's IsValidOp gives, unless <see cref="RepairPolygons"/>.
/// </summary>
public sealed class RegionImporter(IRegistryStore store, IClock clock)
{
    /// <summary>Repair polygons that are not valid with NetTopologySuite's GeometryFixer instead of rejecting them;
    /// the report notes how many were repaired and on which lines.</summary>
    public bool RepairPolygons { get; init; }

    private static readonly string[] CodeProperties = ["code", "iso3166-2", "ISO3166-2", "ISO3166-2-lvl4", "ref"];

    public ImportReport Import(string path, IProgress<ImportProgress>? progress = null)
    {
        var tally = new ImportTally("regions", Path.GetFileName(path));
        var file = InputFile.TryReadUtf8(path, tally);
        if (file is null) return tally.ToReport(false);
        IReadOnlyList<GeoJsonFeature> features;
        try
        {
            features = GeoJsonReader.ReadFeatures(file.Bytes,
                new Progress<long>(b => progress?.Report(new ImportProgress("reading", b, file.Bytes.Length))));
        }
        catch (GeoJsonFormatException e)
        {
            tally.Reject(e.Line, "file", e.Message);
            return tally.ToReport(false);
        }
        var regions = new List<Region>();
        var repaired = new List<int>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            tally.Read++;
            if (f.BadText() is { } bad) { tally.Reject(f.Line, bad.Field, bad.Reason); continue; }
            var region = ReadRegion(f, tally, repaired);
            if (region is null) continue;
            if (firstLine.TryGetValue(region.Code, out var first))
            {
                tally.Reject(f.Line, "code", $"duplicate region {region.Code} (first on line {first})");
                continue;
            }
            firstLine[region.Code] = f.Line;
            regions.Add(region);
        }
        if (repaired.Count > 0)
            tally.Notes.Add($"{repaired.Count} polygon(s) were not valid and were repaired with NetTopologySuite's GeometryFixer " +
                $"(--repair-polygons), on line(s) {string.Join(", ", repaired.Take(20))}{(repaired.Count > 20 ? ", ..." : "")}");
        if (tally.Rejected.Count > 0) return tally.ToReport(false);
        return Apply(file, regions, tally, progress);
    }

    private Region? ReadRegion(GeoJsonFeature f, ImportTally tally, List<int> repaired)
    {
        if (f.Geometry is not { } g) { tally.Reject(f.Line, "geometry", "missing"); return null; }
        Geometry area;
        try { area = GeoJsonGeometry.Read(g); }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            tally.Reject(f.Line, "geometry", e.Message);
            return null;
        }
        if (area is not (Polygon or MultiPolygon))
        {
            tally.Reject(f.Line, "geometry", $"expected Polygon or MultiPolygon, found {area.GeometryType}");
            return null;
        }
        var outside = area.Coordinates.FirstOrDefault(c => new LonLat(c.X, c.Y).Problem() is not null);
        if (outside is not null)
        {
            tally.Reject(f.Line, "geometry", new LonLat(outside.X, outside.Y).Problem()!);
            return null;
        }
        if (new IsValidOp(area).ValidationError is { } invalid)
        {
            if (!RepairPolygons)
            {
                tally.Reject(f.Line, "geometry", $"polygon is not valid: {Describe(invalid)} (--repair-polygons repairs it)");
                return null;
            }
            area = GeometryFixer.Fix(area);
            if (area is not (Polygon or MultiPolygon) || area.IsEmpty)
            {
                tally.Reject(f.Line, "geometry", $"polygon is not valid ({Describe(invalid)}) and repairing it left {(area.IsEmpty ? "nothing" : area.GeometryType)}");
                return null;
            }
            repaired.Add(f.Line);
        }
        var names = ReadNames(f);
        if (names is null) { tally.Reject(f.Line, "name", "missing"); return null; }
        if (!NameRules.Check(tally, f.Line, ("name", names.Local), ("name:kk", names.Kk), ("name:ru", names.Ru), ("name:en", names.En))) return null;
        var known = names.All().Select(KazakhstanRegions.FindByName).FirstOrDefault(e => e is not null);
        var osmId = f.Text("id") ?? f.Text("osm_id");
        var code = CodeProperties.Select(f.Text).FirstOrDefault(c => c is not null) ?? known?.Code
            ?? (osmId is null ? null : "osm-" + osmId);
        if (code is null) { tally.Reject(f.Line, "code", $"no code property and '{names.Local}' is not a known region"); return null; }
        if (!Parse.IsId(code)) { tally.Reject(f.Line, "code", $"'{Parse.Clip(code)}' is not a valid code"); return null; }
        // A known region takes the registry's spelling ("Aktobe Region", not the file's "Aqtöbe region"): one name
        // per region in every language, whichever file it came from.
        if (known is not null) names = known.Names();
        return new Region(code, names, area, "geojson");
    }

    /// <summary>IsValidOp's reason with where: "Self-intersection at (71.5 52)".</summary>
    private static string Describe(TopologyValidationError e) => e.Coordinate is { } c
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{e.Message} at ({c.X} {c.Y})")
        : e.Message;

    private static Names? ReadNames(GeoJsonFeature f)
    {
        var local = f.Text("name");
        var kk = f.Text("name:kk") ?? f.Text("name_kk") ?? f.Text("local_name");
        var ru = f.Text("name:ru") ?? f.Text("name_ru");
        var en = f.Text("name:en") ?? f.Text("name_en") ?? (local is not null && local.All(c => c < 0x250) ? local : null);
        local ??= ru ?? kk ?? en;
        return local is null ? null : new Names(local, kk, ru, en);
    }

    private ImportReport Apply(InputFile file, List<Region> regions, ImportTally tally, IProgress<ImportProgress>? progress)
    {
        using var writer = store.BeginWrite();
        var snapshot = writer.Snapshot;
        var changed = regions.Where(r => !r.Equals(snapshot.RegionsByCode.GetValueOrDefault(r.Code))).ToList();
        tally.Stored = changed.Count;
        tally.Unchanged = regions.Count - changed.Count;
        writer.UpsertRegions(changed);
        var codes = regions.Select(r => r.Code).ToHashSet();
        var merged = snapshot.Regions.Where(r => !codes.Contains(r.Code)).Concat(regions).ToList();
        var locator = new PolygonLocator<string>(merged.Where(r => r.Area is not null)
            .OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Area!)));
        var moved = new List<Settlement>();
        var i = 0;
        foreach (var s in snapshot.Settlements)
        {
            if (++i % 500 == 0) progress?.Report(new ImportProgress("placing settlements", i, snapshot.Settlements.Count));
            if (locator.TryLocate(s.Location, out var code) && code != s.RegionCode) moved.Add(s with { RegionCode = code });
        }
        writer.UpsertSettlements(moved);
        if (moved.Count > 0) tally.Notes.Add($"{moved.Count} settlements placed in a new region");
        var movedTo = moved.ToDictionary(m => m.Id, m => m.RegionCode);
        var used = snapshot.Settlements.Select(s => movedTo.GetValueOrDefault(s.Id, s.RegionCode)).ToHashSet();
        var emptyPlaceholders = merged.Where(r => r.Area is null && !used.Contains(r.Code)).Select(r => r.Code).ToArray();
        writer.DeleteRegions(emptyPlaceholders);
        if (emptyPlaceholders.Length > 0) tally.Notes.Add($"{emptyPlaceholders.Length} regions without polygon or settlements removed");
        ImportSources.Record(writer, "regions", file, regions.Count, tally.Read, clock);
        writer.Commit();
        return tally.ToReport(true);
    }
}
