using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dala.Geo;
using Dala.Quality.Model;
using Dala.Registry.Model;

namespace Dala.Quality.Intake;

/// <summary>
/// Turns one line's fields into a measurement, or into the reasons it cannot be one (unreadable or absurd
/// values: those lines go to quarantine). Valid-looking values then meet the validity rules.
/// </summary>
internal static partial class MeasurementBuilder
{
    public const double MaxMbps = 100_000;
    public static readonly DateTimeOffset Earliest = new(2009, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (Measurement? Measurement, IReadOnlyList<string> Problems) Build(RawLine raw, IntakeContext ctx)
    {
        var p = new List<string>();
        var tile = raw["downKbps"] is not null || raw["upKbps"] is not null;
        var time = Time(raw, ctx, tile, p);
        var lon = Num(raw, "lon", -180, 180, p);
        var lat = Num(raw, "lat", -90, 90, p);
        if ((lon is null) != (lat is null) && !p.Any(x => x.StartsWith("lon", StringComparison.Ordinal) || x.StartsWith("lat", StringComparison.Ordinal)))
            p.Add("lon/lat: give both or neither");
        var quadkey = QuadkeyOf(raw, p);
        var (down, up) = Speeds(raw, tile, p);
        var latency = Num(raw, "latency", 0, 60_000, p);
        var jitter = Num(raw, "jitter", 0, 60_000, p);
        var loss = raw["lossRate"] is not null ? Num(raw, "lossRate", 0, 1, p) * 100 : Num(raw, "loss", 0, 100, p);
        var bytes = Num(raw, "bytes", 0, 1e15, p);
        var duration = Num(raw, "duration", 0, 3600, p);
        var tests = Num(raw, "tests", 1, int.MaxValue, p);
        var devices = Num(raw, "devices", 0, int.MaxValue, p);
        var sourceText = raw["source"];
        var source = sourceText is null ? ctx.DefaultSource : MeasurementSources.Parse(sourceText);
        if (source is null) p.Add($"source: '{Clip(sourceText!)}' is not ndt7-server, ndt7-client, import or inspector");
        Technology? access = null;
        if (raw["access"] is { } a && !a.Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            access = Technologies.Parse(a);
            if (access is null) p.Add($"access: '{Clip(a)}' is not one of {Technologies.Names}, unknown");
        }
        IPAddress? ip = null;
        if (raw["clientIp"] is { } ipText && !IPAddress.TryParse(ipText, out ip)) p.Add($"clientIp: '{Clip(ipText)}' is not an IP address");
        if (down is null && up is null && latency is null && !p.Any()) p.Add("no measured value (down, up or latency)");
        if (p.Count > 0 || time is null) return (null, p.Count > 0 ? p : ["time: missing"]);

        var location = lon is not null && lat is not null ? new LonLat(lon.Value, lat.Value) : (LonLat?)null;
        var m = new Measurement
        {
            Id = raw["id"] ?? HashId(ctx.Dataset, raw.Content),
            Time = Store.MeasurementColumns.Normalise(time.Value), Location = location,
            Quadkey = quadkey ?? (location is { } l ? Model.Quadkey.At(l, 16) : null),
            Access = access, DownMbps = down, UpMbps = up, LatencyMs = latency, JitterMs = jitter, LossPct = loss,
            Bytes = bytes is null ? null : (long)bytes.Value, DurationS = duration, Source = source!.Value,
            Kind = tile ? MeasurementKind.Tile : MeasurementKind.Test, Dataset = ctx.Dataset,
            ClientNetwork = ip is null ? null : NetworkAddress.Truncate(ip),
            Tests = tests is null ? 1 : (int)tests.Value, Devices = devices is null ? null : (int)devices.Value,
            OperatorId = raw["operator"] ?? ctx.Operators.Resolve(ip),
            Synthetic = ctx.Synthetic || raw["synthetic"] == "true",
        };
        m = Place(m, raw["settlement"], ctx, p);
        if (p.Count > 0) return (null, p);
        var reasons = Rules.Check(m, complete: raw["complete"] != "false", earlyExit: raw["earlyExit"] is { } e && e != "false" && e != "0",
            privateClient: ip is not null && NetworkAddress.IsPrivate(ip));
        return (m with { Valid = reasons.Count == 0, Reasons = reasons }, []);
    }

    private static Measurement Place(Measurement m, string? settlementId, IntakeContext ctx, List<string> p)
    {
        if (settlementId is not null)
        {
            var s = ctx.Placement.SettlementById(settlementId);
            if (s is null) { p.Add($"settlement: unknown settlement '{Clip(settlementId)}'"); return m; }
            return m with { SettlementId = s.Id, RegionCode = s.RegionCode };
        }
        var at = m.Location ?? (m.Quadkey is { } q ? Model.Quadkey.Centre(q) : (LonLat?)null);
        if (at is not { } point) return m;
        return m with { RegionCode = ctx.Placement.RegionAt(point), SettlementId = m.Location is null ? null : ctx.Placement.NearestSettlement(point)?.Id };
    }

    private static string HashId(string dataset, string content) =>
        "m-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dataset + "\n" + content))).ToLowerInvariant()[..24];

    public static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
