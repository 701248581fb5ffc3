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
/// values: those lines go to quarantine). Valid-looking values then meet the validity rules. Reads the fields as
/// spans and builds the measurement once: the only strings made for a good line are the ones it keeps.
/// </summary>
internal static partial class MeasurementBuilder
{
    public const double MaxMbps = 100_000;

    public const string NotAnAddress = "clientIp: not an IPv4 dotted quad or an IPv6 address (the value is not kept)";
    public static readonly DateTimeOffset Earliest = new(2009, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [ThreadStatic]
    private static List<string>? t_problems;

    public static (Measurement? Measurement, IReadOnlyList<string> Problems) Build(RawLine raw, IntakeContext ctx)
    {
        var p = t_problems ??= [];
        p.Clear();
        var m = Build(raw, ctx, p);
        return m is null ? (null, p.Count > 0 ? p.ToArray() : ["time: missing"]) : (m, []);
    }

    private static Measurement? Build(RawLine raw, IntakeContext ctx, List<string> p)
    {
        if (!TextsAcceptable(raw, p)) return null;
        var tile = raw.Has(F.DownKbps) || raw.Has(F.UpKbps);
        var time = Time(raw, ctx, tile, p);
        var lon = Num(raw, F.Lon, -180, 180, p);
        var lat = Num(raw, F.Lat, -90, 90, p);
        if ((lon is null) != (lat is null) && !p.Any(x => x.StartsWith("lon", StringComparison.Ordinal) || x.StartsWith("lat", StringComparison.Ordinal)))
            p.Add("lon/lat: give both or neither");
        var quadkey = QuadkeyOf(raw, p);
        var (down, up) = Speeds(raw, tile, p);
        var latency = Num(raw, F.Latency, 0, 60_000, p);
        var jitter = Num(raw, F.Jitter, 0, 60_000, p);
        var loss = raw.Has(F.LossRate) ? Num(raw, F.LossRate, 0, 1, p) * 100 : Num(raw, F.Loss, 0, 100, p);
        var bytes = Num(raw, F.Bytes, 0, 1e15, p);
        var duration = Num(raw, F.Duration, 0, 3600, p);
        var tests = Num(raw, F.Tests, 1, int.MaxValue, p);
        var devices = Num(raw, F.Devices, 0, int.MaxValue, p);
        var source = raw.Has(F.Source) ? Lookups.Source(raw.Span(F.Source)) : ctx.DefaultSource;
        if (source is null) p.Add($"source: '{Clip(raw.Text(F.Source)!)}' is not ndt7-server, ndt7-client, import or inspector");
        Technology? access = null;
        if (raw.Has(F.Access) && !raw.Span(F.Access).Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            access = Lookups.Access(raw.Span(F.Access));
            if (access is null) p.Add($"access: '{Clip(raw.Text(F.Access)!)}' is not one of {Technologies.Names}, unknown");
        }
        IPAddress? ip = null;
        // The value is not echoed: a form we do not accept may still be a whole address (134744072, 0x08080404).
        if (raw.Has(F.ClientIp) && !NetworkAddress.TryParse(raw.Span(F.ClientIp), out ip)) p.Add(NotAnAddress);
        if (down is null && up is null && latency is null && p.Count == 0) p.Add("no measured value (down, up or latency)");
        if (p.Count > 0 || time is null) return null;

        var location = lon is not null && lat is not null ? new LonLat(lon.Value, lat.Value) : (LonLat?)null;
        quadkey ??= location is { } l ? Model.Quadkey.At(l, 16) : null;
        var (settlementId, regionCode) = Place(raw, location, quadkey, ctx, p);
        if (p.Count > 0) return null;
        var m = new Measurement
        {
            Id = raw.Text(F.Id) ?? HashId(ctx.Dataset, raw.Content),
            Time = Store.MeasurementColumns.Normalise(time.Value), Location = location, Quadkey = quadkey,
            SettlementId = settlementId, RegionCode = regionCode,
            Access = access, DownMbps = down, UpMbps = up, LatencyMs = latency, JitterMs = jitter, LossPct = loss,
            Bytes = bytes is null ? null : (long)bytes.Value, DurationS = duration, Source = source!.Value,
            Kind = tile ? MeasurementKind.Tile : MeasurementKind.Test, Dataset = ctx.Dataset,
            ClientNetwork = ip is null ? null : Lookups.Network(ip),
            Tests = tests is null ? 1 : (int)tests.Value, Devices = devices is null ? null : (int)devices.Value,
            OperatorId = raw.Has(F.Operator) ? Lookups.Operator(raw.Span(F.Operator)) : ctx.Operators.Resolve(ip),
            Synthetic = ctx.Synthetic || raw.Is(F.Synthetic, "true"),
        };
        var reasons = Rules.Check(m, complete: !raw.Is(F.Complete, "false"),
            earlyExit: raw.Has(F.EarlyExit) && !raw.Is(F.EarlyExit, "false") && !raw.Is(F.EarlyExit, "0"),
            privateClient: ip is not null && NetworkAddress.IsPrivate(ip));
        return reasons.Count == 0 ? m : m with { Valid = false, Reasons = reasons };
    }

    /// <summary>
    /// Every field's text within its length (<see cref="Fields.MaxLength"/>), without NUL characters and without text
    /// that cannot be a string (<see cref="Geo.Io.JsonText.Problem"/>); each failure is a problem naming the field.
    /// </summary>
    private static bool TextsAcceptable(RawLine raw, List<string> p)
    {
        var before = p.Count;
        for (var f = (F)0; (int)f < Fields.Count; f++)
        {
            if (!raw.Has(f)) continue;
            var text = raw.Span(f);
            if (text.Length > f.MaxLength())
                p.Add(string.Create(CultureInfo.InvariantCulture, $"{f.Name()}: {text.Length:N0} characters, more than {f.MaxLength()}"));
            else if (text.Contains('\0'))
                p.Add($"{f.Name()}: holds a NUL character");
            else if (Geo.Io.JsonText.Problem(text) is { } problem)
                p.Add($"{f.Name()}: {problem}");
        }
        return p.Count == before;
    }

    /// <summary>The settlement given (and its region), or the region whose polygon holds the point and the nearest settlement.</summary>
    private static (string? Settlement, string? Region) Place(RawLine raw, LonLat? location, string? quadkey, IntakeContext ctx, List<string> p)
    {
        if (raw.Has(F.Settlement))
        {
            var s = ctx.Placement.SettlementById(raw.Text(F.Settlement)!);
            if (s is null) { p.Add($"settlement: unknown settlement '{Clip(raw.Text(F.Settlement)!)}'"); return (null, null); }
            return (s.Id, s.RegionCode);
        }
        var at = location ?? (quadkey is { } q ? Model.Quadkey.Centre(q) : (LonLat?)null);
        if (at is not { } point) return (null, null);
        return (location is null ? null : ctx.Placement.NearestSettlement(point)?.Id, ctx.Placement.RegionAt(point));
    }

    private static string HashId(string dataset, string content) =>
        "m-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dataset + "\n" + content))).ToLowerInvariant()[..24];

    public static string Clip(string text) => RawLine.Clip(text, 40);
}
