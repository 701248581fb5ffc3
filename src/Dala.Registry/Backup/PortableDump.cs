using System.Globalization;
using System.Text.Json;
using Dala.Registry.Model;
using Dala.Registry.Store;
using NetTopologySuite.IO;

namespace Dala.Registry.Backup;

/// <summary>
/// Dala's own backup format, the same for every store: JSON Lines, a header line then one line per row
/// (region, settlement, operator, connectivity, kato, source, outline); geometry as hex WKB. Restoring it
/// into any store gives the same registry (SQLite to PostgreSQL and back).
/// </summary>
public static partial class PortableDump
{
    public const string Format = "dala-dump";
    public const int Version = 1;

    public static void Write(Stream output, RegistrySnapshot snap)
    {
        using var text = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var wkb = new WKBWriter();
        Line(text, w => { w.WriteString("format", Format); w.WriteNumber("version", Version); w.WriteNumber("revision", snap.Revision); });
        foreach (var r in snap.Regions)
            Line(text, w => { Type(w, "region"); w.WriteString("code", r.Code); NamesOut(w, r.Name); w.WriteString("area", r.Area is null ? null : WKBWriter.ToHex(wkb.Write(r.Area))); w.WriteString("source", r.Source); });
        foreach (var s in snap.Settlements)
            Line(text, w =>
            {
                Type(w, "settlement"); w.WriteString("id", s.Id); NamesOut(w, s.Name); w.WriteString("kind", s.Kind.WireName());
                if (s.Population.Count is { } p) w.WriteNumber("population", p); else w.WriteNull("population");
                w.WriteString("populationSource", s.Population.Source); w.WriteNumber("lon", s.Location.Lon); w.WriteNumber("lat", s.Location.Lat);
                w.WriteString("region", s.RegionCode); w.WriteString("kato", s.KatoCode); w.WriteString("source", s.Source);
            });
        foreach (var o in snap.Operators) Line(text, w => { Type(w, "operator"); w.WriteString("id", o.Id); w.WriteString("name", o.Name); });
        foreach (var c in snap.Connectivity)
            Line(text, w =>
            {
                Type(w, "connectivity"); w.WriteString("settlement", c.SettlementId); w.WriteString("technology", c.Technology.WireName());
                w.WriteString("operator", c.OperatorId); Num(w, "down", c.DownMbps); Num(w, "up", c.UpMbps);
                w.WriteString("asOf", c.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); w.WriteString("source", c.Source); w.WriteBoolean("synthetic", c.Synthetic);
            });
        foreach (var k in snap.Kato)
            Line(text, w => { Type(w, "kato"); w.WriteNumber("id", k.Id); w.WriteNumber("parent", k.ParentId); w.WriteString("code", k.Code); w.WriteString("name", k.Name); });
        foreach (var s in snap.Sources)
            Line(text, w =>
            {
                Type(w, "source"); w.WriteString("kind", s.Kind); w.WriteString("name", s.Name); w.WriteString("sha256", s.Sha256);
                w.WriteString("importedAt", s.ImportedAt.ToString("O", CultureInfo.InvariantCulture)); w.WriteNumber("rows", s.Rows); w.WriteBoolean("synthetic", s.Synthetic);
                if (s.RowsRead is { } read) w.WriteNumber("rowsRead", read);
            });
        foreach (var x in snap.Sites)
            Line(text, w =>
            {
                Type(w, "site"); w.WriteString("id", x.Id); w.WriteString("name", x.Name); w.WriteNumber("lon", x.Location.Lon); w.WriteNumber("lat", x.Location.Lat);
                Num(w, "ground", x.GroundM); w.WriteNumber("mast", x.MastM); w.WriteString("operator", x.OperatorId); w.WriteString("source", x.Source);
                w.WriteBoolean("synthetic", x.Synthetic);
                w.WriteStartArray("sectors");
                foreach (var c in x.Sectors)
                {
                    w.WriteStartObject();
                    w.WriteString("id", c.Id); w.WriteNumber("azimuth", c.AzimuthDeg); w.WriteNumber("tilt", c.TiltDeg); w.WriteNumber("frequency", c.FrequencyMHz);
                    w.WriteNumber("bandwidth", c.BandwidthMHz); w.WriteNumber("eirp", c.EirpDbm); w.WriteString("pattern", c.Pattern); w.WriteString("technology", c.Technology.WireName());
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        if (snap.Outline is { } outline)
            Line(text, w => { Type(w, "outline"); w.WriteString("area", WKBWriter.ToHex(wkb.Write(outline))); w.WriteString("source", snap.OutlineSource); });
    }

    private static void Line(StreamWriter text, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Dala.Geo.Io.JsonOutput.Writer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        text.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Type(Utf8JsonWriter w, string type) => w.WriteString("type", type);

    private static void NamesOut(Utf8JsonWriter w, Names n)
    {
        w.WriteString("name", n.Local);
        w.WriteString("kk", n.Kk);
        w.WriteString("ru", n.Ru);
        w.WriteString("en", n.En);
    }

    private static void Num(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x) w.WriteNumber(name, x);
        else w.WriteNull(name);
    }
}
