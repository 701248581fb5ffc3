using System.Globalization;
using System.Text.Json;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Store;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dala.Registry.Backup;

public static partial class PortableDump
{
    /// <summary>True when the file starts like a portable dump.</summary>
    public static bool Sniff(string path)
    {
        using var r = new StreamReader(path);
        var first = r.ReadLine();
        return first is not null && first.Contains($"\"format\":\"{Format}\"", StringComparison.Ordinal);
    }

    /// <summary>Reads a dump; a malformed line raises <see cref="FormatException"/> naming the line.</summary>
    public static RegistrySnapshot Read(Stream input, string name)
    {
        using var text = new StreamReader(input);
        var wkb = new WKBReader(GeoJsonGeometry.Factory.GeometryServices);
        var regions = new List<Region>();
        var settlements = new List<Settlement>();
        var operators = new List<Operator>();
        var connectivity = new List<ConnectivityRecord>();
        var kato = new List<KatoUnit>();
        var sources = new List<DatasetSource>();
        var sites = new List<Site>();
        Geometry? outline = null;
        string? outlineSource = null;
        long revision = 0;
        var line = 0;
        string? raw;
        while ((raw = text.ReadLine()) is not null)
        {
            line++;
            if (raw.Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(raw);
                var e = doc.RootElement;
                if (line == 1)
                {
                    if (Str(e, "format") != Format) throw new FormatException($"not a {Format} file");
                    if (e.GetProperty("version").GetInt32() > Version) throw new FormatException($"dump version {e.GetProperty("version").GetInt32()} is newer than this Dala reads ({Version})");
                    revision = e.GetProperty("revision").GetInt64();
                    continue;
                }
                switch (Str(e, "type"))
                {
                    case "region": regions.Add(new Region(Req(e, "code"), NamesIn(e), Str(e, "area") is { } a ? wkb.Read(WKBReader.HexToBytes(a)) : null, Req(e, "source"))); break;
                    case "settlement":
                        settlements.Add(new Settlement(Req(e, "id"), NamesIn(e), SettlementKinds.Parse(Str(e, "kind")) ?? throw new FormatException("bad kind"),
                            e.GetProperty("population").ValueKind == JsonValueKind.Number ? new Population(e.GetProperty("population").GetInt32(), Str(e, "populationSource")) : Population.Unknown,
                            new LonLat(e.GetProperty("lon").GetDouble(), e.GetProperty("lat").GetDouble()), Req(e, "region"), Str(e, "kato"), Req(e, "source")));
                        break;
                    case "operator": operators.Add(new Operator(Req(e, "id"), Req(e, "name"))); break;
                    case "connectivity":
                        connectivity.Add(new ConnectivityRecord(Req(e, "settlement"), Technologies.Parse(Str(e, "technology")) ?? throw new FormatException("bad technology"),
                            Str(e, "operator"), Dbl(e, "down"), Dbl(e, "up"), DateOnly.ParseExact(Req(e, "asOf"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                            Req(e, "source"), e.GetProperty("synthetic").GetBoolean()));
                        break;
                    case "kato": kato.Add(new KatoUnit(e.GetProperty("id").GetInt32(), e.GetProperty("parent").GetInt32(), Req(e, "code"), Req(e, "name"))); break;
                    case "source":
                        sources.Add(new DatasetSource(Req(e, "kind"), Req(e, "name"), Req(e, "sha256"),
                            DateTimeOffset.Parse(Req(e, "importedAt"), CultureInfo.InvariantCulture), e.GetProperty("rows").GetInt32(), e.GetProperty("synthetic").GetBoolean()) { RowsRead = (int?)Dbl(e, "rowsRead") });
                        break;
                    case "site":
                        sites.Add(new Site(Req(e, "id"), Str(e, "name"), new LonLat(e.GetProperty("lon").GetDouble(), e.GetProperty("lat").GetDouble()),
                            Dbl(e, "ground"), e.GetProperty("mast").GetDouble(), Str(e, "operator"),
                            e.GetProperty("sectors").EnumerateArray().Select(c => new Sector(Req(c, "id"), c.GetProperty("azimuth").GetDouble(),
                                c.GetProperty("tilt").GetDouble(), c.GetProperty("frequency").GetDouble(), c.GetProperty("bandwidth").GetDouble(),
                                c.GetProperty("eirp").GetDouble(), Req(c, "pattern"), Technologies.Parse(Str(c, "technology")) ?? throw new FormatException("bad technology"))).ToArray(),
                            Req(e, "source"), e.GetProperty("synthetic").GetBoolean()));
                        break;
                    case "outline": outline = wkb.Read(WKBReader.HexToBytes(Req(e, "area"))); outlineSource = Str(e, "source"); break;
                    default: throw new FormatException($"unknown row type '{Str(e, "type")}'");
                }
            }
            catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ParseException or ArgumentException)
            {
                throw new FormatException($"{name}:{line}: {ex.Message}", ex);
            }
        }
        if (line == 0) throw new FormatException($"{name}:1: the file is empty");
        return new RegistrySnapshot(revision, regions, settlements, operators, connectivity, kato, sources, outline, outlineSource, sites);
    }

    /// <summary>Replaces the store's contents with the snapshot, in one transaction.</summary>
    public static void Restore(IRegistryStore store, RegistrySnapshot snap, bool replace)
    {
        using var w = store.BeginWrite();
        if (!w.Snapshot.IsEmpty && !replace)
            throw new StoreException($"{store.Describe()} is not empty ({w.Snapshot.Settlements.Count:N0} settlements): restore with --replace to overwrite it");
        w.DeleteAll();
        w.UpsertRegions(snap.Regions.ToArray());
        w.UpsertSettlements(snap.Settlements.ToArray());
        w.UpsertOperators(snap.Operators.ToArray());
        w.UpsertConnectivity(snap.Connectivity.ToArray());
        w.ReplaceKato(snap.Kato.ToArray());
        w.UpsertSites(snap.Sites.ToArray());
        foreach (var s in snap.Sources) w.AddSource(s);
        if (snap.Outline is { } o) w.PutOutline(o, snap.OutlineSource ?? "");
        w.Commit();
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Req(JsonElement e, string name) => Str(e, name) ?? throw new FormatException($"missing '{name}'");

    private static double? Dbl(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static Names NamesIn(JsonElement e) => new(Req(e, "name"), Str(e, "kk"), Str(e, "ru"), Str(e, "en"));
}
