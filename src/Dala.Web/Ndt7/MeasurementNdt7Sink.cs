using System.Globalization;
using Dala.Quality.Model;
using Microsoft.Extensions.Logging;

namespace Dala.Web.Ndt7;

/// <summary>
/// Every test on our ndt7 server becomes a measurement (source ndt7-server) through the same intake as any line:
/// the client's /24 or /48 network, the settlement, place, operator and access the page tagged in its metadata,
/// bytes and duration for the validity rules, the minimum RTT as latency and, for a download, TCP's RTT variation as
/// jitter and the retransmitted share of the bytes sent as loss (M-Lab's loss rate). Aborted tests are kept, as incomplete. Each
/// stored test is in the audit log (actor ndt7).
/// </summary>
public sealed class MeasurementNdt7Sink(MeasurementIntakeService intake, InMemoryNdt7Results recent, Dala.Platform.Audit.Auditor auditor, ILogger<MeasurementNdt7Sink> log)
    : INdt7ResultSink
{
    private static readonly string[] Passed = ["settlementId", "settlement_id", "lat", "lon", "operator", "access"];

    public void Record(Ndt7Result result)
    {
        recent.Record(result);
        var f = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = $"ndt7-{result.Uuid}-{result.Kind.ToString().ToLowerInvariant()}",
            ["time"] = result.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            [result.Kind == Ndt7TestKind.Download ? "downMbps" : "upMbps"] = N(result.MbitPerSecond),
            ["bytes"] = result.Bytes.ToString(CultureInfo.InvariantCulture),
            ["durationS"] = N(result.Duration.TotalSeconds),
            ["complete"] = result.Aborted ? "false" : "true",
        };
        if (result.ClientNetwork is { } net) f["clientIp"] = net.Split('/')[0];
        // TCP_INFO times are µs (MinRTT, RTTVar); the measurement keeps ms.
        if (result.MinRttMicros is { } rtt) f["latencyMs"] = N(rtt / 1000.0);
        if (result.RttVarMicros is { } rttVar) f["jitterMs"] = N(rttVar / 1000.0);
        if (result.RetransmittedPct is { } again) f["lossPct"] = N(again);
        foreach (var key in Passed)
            if (result.Metadata.TryGetValue(key, out var v) && v.Length > 0) f[key] = v;
        try
        {
            var r = intake.AcceptFields(f, "ndt7-server", MeasurementSource.Ndt7Server);
            // The write is the server's own, on behalf of the ndt7 session: recorded like any other write.
            auditor.Record("ndt7", "ndt7 " + result.Kind.ToString().ToLowerInvariant(), f["id"], result.ClientNetwork ?? "unknown", r.Quarantined > 0 ? 422 : 200);
            if (r.Quarantined > 0) log.LogWarning("ndt7 test {Uuid} quarantined: {Reasons}", result.Uuid, string.Join("; ", r.Results[0].Reasons));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            log.LogError(e, "ndt7 test {Uuid} could not be stored", result.Uuid);
        }
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
