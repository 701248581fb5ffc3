namespace Dala.Web.Dto;

/// <summary>
/// The operator guessed from the caller's address: <paramref name="Id"/> and <paramref name="Name"/> (null when the
/// registry does not know the id) of the longest prefix of the operator table holding it, named in
/// <paramref name="GuessedFrom"/> ("address prefix 95.56.0.0/16").
/// </summary>
public sealed record OperatorGuessDto(string Id, string? Name, string GuessedFrom);

/// <summary>Who the speed-test server sees: the caller's network (/24 or /48) and the operator guessed from its address (null: none).</summary>
public sealed record SpeedTestWhoAmIDto(string? Network, OperatorGuessDto? Operator);

/// <summary>
/// One speed test run from the page, by the uuid of its download: the figures the page showed (the browser's record,
/// source ndt7-client; the server's download record where the browser's is missing), the tags, the validity, and the
/// records it rests on. Latency is the minimum RTT, jitter TCP's RTT variation (RTTVar) and loss the share of bytes
/// the server sent again (BytesRetrans / BytesSent), all from the server's TCP_INFO; null when not measured.
/// </summary>
public sealed record SpeedTestResultDto(string Id, DateTimeOffset Time, string? SettlementId, string? Region, double? Lon, double? Lat,
    string? Operator, string? Access, double? DownMbps, double? UpMbps, double? LatencyMs, double? JitterMs, double? LossPct, bool Valid,
    IReadOnlyList<string> Reasons, MeasurementDto? Browser, IReadOnlyList<MeasurementDto> Server);
