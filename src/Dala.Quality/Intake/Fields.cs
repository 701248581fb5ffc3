namespace Dala.Quality.Intake;

/// <summary>
/// The names a measurement's fields go by in our NDJSON and CSV, in M-Lab NDT exports and in Ookla open-data
/// tiles. A line becomes a dictionary under the canonical names first; one builder then reads it.
/// </summary>
internal static class Fields
{
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "id", ["uuid"] = "id", ["a.UUID"] = "id",
        ["time"] = "time", ["timestamp"] = "time", ["a.TestTime"] = "time", ["date"] = "time", ["test_time"] = "time",
        ["lon"] = "lon", ["longitude"] = "lon", ["client.Geo.Longitude"] = "lon",
        ["lat"] = "lat", ["latitude"] = "lat", ["client.Geo.Latitude"] = "lat",
        ["quadkey"] = "quadkey",
        ["settlementId"] = "settlement", ["settlement_id"] = "settlement", ["settlement"] = "settlement",
        ["operator"] = "operator", ["operator_id"] = "operator", ["operatorId"] = "operator",
        ["access"] = "access", ["technology"] = "access",
        ["downMbps"] = "down", ["down_mbps"] = "down", ["download_mbps"] = "down",
        ["upMbps"] = "up", ["up_mbps"] = "up", ["upload_mbps"] = "up",
        ["latencyMs"] = "latency", ["latency_ms"] = "latency", ["a.MinRTT"] = "latency", ["MinRTT"] = "latency",
        ["jitterMs"] = "jitter", ["jitter_ms"] = "jitter",
        ["lossPct"] = "loss", ["loss_pct"] = "loss",
        ["a.LossRate"] = "lossRate", ["LossRate"] = "lossRate",
        ["bytes"] = "bytes", ["BytesAcked"] = "bytes", ["num_bytes"] = "bytes",
        ["durationS"] = "duration", ["duration_s"] = "duration", ["test_duration_s"] = "duration",
        ["source"] = "source",
        ["clientIp"] = "clientIp", ["client_ip"] = "clientIp", ["client.IP"] = "clientIp",
        ["complete"] = "complete", ["earlyExit"] = "earlyExit", ["early_exit"] = "earlyExit",
        ["a.MeanThroughputMbps"] = "mlabMbps", ["MeanThroughputMbps"] = "mlabMbps", ["direction"] = "direction",
        ["avg_d_kbps"] = "downKbps", ["avg_u_kbps"] = "upKbps", ["avg_lat_ms"] = "latency", ["tests"] = "tests", ["devices"] = "devices",
        ["synthetic"] = "synthetic",
    };

    /// <summary>The canonical name for a column or property, or null for ones we do not read.</summary>
    public static string? Canonical(string name) => Aliases.TryGetValue(name.Trim(), out var c) ? c : null;
}
