namespace Dala.Quality.Intake;

/// <summary>The canonical fields a line can carry (the names problems are reported under).</summary>
internal enum F
{
    Id, Time, Lon, Lat, Quadkey, Settlement, Operator, Access, Down, Up, Latency, Jitter, Loss, LossRate, Bytes, Duration, Source,
    ClientIp, Complete, EarlyExit, MlabMbps, Direction, DownKbps, UpKbps, Tests, Devices, Synthetic,
}

/// <summary>
/// The names a measurement's fields go by in our NDJSON and CSV, in M-Lab NDT exports and in Ookla open-data
/// tiles. A line's fields are put under the canonical names first; one builder then reads them.
/// </summary>
internal static class Fields
{
    public const int Count = (int)F.Synthetic + 1;

    /// <summary>The canonical names, as problems name them ("down: 'abc' is not a number").</summary>
    public static readonly string[] Names =
    [
        "id", "time", "lon", "lat", "quadkey", "settlement", "operator", "access", "down", "up", "latency", "jitter", "loss", "lossRate",
        "bytes", "duration", "source", "clientIp", "complete", "earlyExit", "mlabMbps", "direction", "downKbps", "upKbps", "tests", "devices",
        "synthetic",
    ];

    /// <summary>
    /// The longest text each field may hold (characters, after trimming): ids 128 (id, settlement), operator 64, the
    /// short words (access, source, quadkey) 32, flags and direction 16, numbers, times and addresses 64. A longer
    /// field quarantines its line, naming the field and its length.
    /// </summary>
    public static int MaxLength(this F f) => f switch
    {
        F.Id or F.Settlement => 128,
        F.Quadkey or F.Access or F.Source => 32,
        F.Complete or F.EarlyExit or F.Direction or F.Synthetic => 16,
        _ => 64,
    };

    /// <summary>The longest line (characters): longer ones are quarantined unread.</summary>
    public const int MaxLineLength = 16 * 1024;

    /// <summary>The longest dataset name (a file's name, an API batch's origin).</summary>
    public const int MaxDatasetLength = 128;

    public static readonly IReadOnlyDictionary<string, F> Aliases = new Dictionary<string, F>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = F.Id, ["uuid"] = F.Id, ["a.UUID"] = F.Id,
        ["time"] = F.Time, ["timestamp"] = F.Time, ["a.TestTime"] = F.Time, ["date"] = F.Time, ["test_time"] = F.Time,
        ["lon"] = F.Lon, ["longitude"] = F.Lon, ["client.Geo.Longitude"] = F.Lon,
        ["lat"] = F.Lat, ["latitude"] = F.Lat, ["client.Geo.Latitude"] = F.Lat,
        ["quadkey"] = F.Quadkey,
        ["settlementId"] = F.Settlement, ["settlement_id"] = F.Settlement, ["settlement"] = F.Settlement,
        ["operator"] = F.Operator, ["operator_id"] = F.Operator, ["operatorId"] = F.Operator,
        ["access"] = F.Access, ["technology"] = F.Access,
        ["downMbps"] = F.Down, ["down_mbps"] = F.Down, ["download_mbps"] = F.Down,
        ["upMbps"] = F.Up, ["up_mbps"] = F.Up, ["upload_mbps"] = F.Up,
        ["latencyMs"] = F.Latency, ["latency_ms"] = F.Latency, ["a.MinRTT"] = F.Latency, ["MinRTT"] = F.Latency,
        ["jitterMs"] = F.Jitter, ["jitter_ms"] = F.Jitter,
        ["lossPct"] = F.Loss, ["loss_pct"] = F.Loss,
        ["a.LossRate"] = F.LossRate, ["LossRate"] = F.LossRate,
        ["bytes"] = F.Bytes, ["BytesAcked"] = F.Bytes, ["num_bytes"] = F.Bytes,
        ["durationS"] = F.Duration, ["duration_s"] = F.Duration, ["test_duration_s"] = F.Duration,
        ["source"] = F.Source,
        ["clientIp"] = F.ClientIp, ["client_ip"] = F.ClientIp, ["client.IP"] = F.ClientIp,
        ["complete"] = F.Complete, ["earlyExit"] = F.EarlyExit, ["early_exit"] = F.EarlyExit,
        ["a.MeanThroughputMbps"] = F.MlabMbps, ["MeanThroughputMbps"] = F.MlabMbps, ["direction"] = F.Direction,
        ["avg_d_kbps"] = F.DownKbps, ["avg_u_kbps"] = F.UpKbps, ["avg_lat_ms"] = F.Latency, ["tests"] = F.Tests, ["devices"] = F.Devices,
        ["synthetic"] = F.Synthetic,
    };

    /// <summary>The canonical field for a column or property, or null for ones we do not read.</summary>
    public static F? Canonical(string name) => Aliases.TryGetValue(name.Trim(), out var c) ? c : null;

    public static string Name(this F f) => Names[(int)f];
}
