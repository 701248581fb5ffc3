using Dala.Quality.Aggregates;
using Dala.Quality.Intake;
using Dala.Quality.Model;
using Dala.Registry.Model;

namespace Dala.Web.Dto;

public sealed record LineResultDto(int Line, string Status, string? Id, bool? Valid, IReadOnlyList<string> Reasons);

public sealed record IntakeResultDto(int Lines, int Stored, int Duplicates, int Quarantined, int Invalid, IReadOnlyList<LineResultDto> Results)
{
    public static IntakeResultDto Of(IntakeResult r) => new(r.Lines, r.Stored, r.Duplicates, r.Quarantined, r.Invalid,
        r.Results.Select(x => new LineResultDto(x.Line, x.Status, x.Id, x.Valid, x.Reasons)).ToArray());
}

public sealed record MeasurementDto(string Id, DateTimeOffset Time, double? Lon, double? Lat, string? Quadkey, string? SettlementId, string? Region,
    string? Operator, string? Access, double? DownMbps, double? UpMbps, double? LatencyMs, double? JitterMs, double? LossPct, long? Bytes,
    double? DurationS, string Source, string Kind, string? Dataset, string? ClientNetwork, int Tests, bool Valid, IReadOnlyList<string> Reasons, bool Synthetic)
{
    public static MeasurementDto Of(Measurement m) => new(m.Id, m.Time, m.Location?.Lon, m.Location?.Lat, m.Quadkey, m.SettlementId, m.RegionCode,
        m.OperatorId, m.Access?.WireName(), m.DownMbps, m.UpMbps, m.LatencyMs, m.JitterMs, m.LossPct, m.Bytes, m.DurationS, m.Source.WireName(),
        m.Kind == MeasurementKind.Tile ? "tile" : "test", m.Dataset, m.ClientNetwork, m.Tests, m.Valid, m.Reasons, m.Synthetic);
}

public sealed record QuarantinedLineDto(string Origin, int Line, DateTimeOffset ReceivedAt, string Content, IReadOnlyList<string> Reasons);

public sealed record SpreadDto(double P10, double Median, double P90, int Count)
{
    public static SpreadDto? Of(Spread? s) => s is null ? null : new(Math.Round(s.P10, 3), Math.Round(s.Median, 3), Math.Round(s.P90, 3), s.Count);
}

public sealed record GroupStatsDto(string? Region, string? RegionName, string? Operator, string? Month, int Tests, SpreadDto? DownMbps, SpreadDto? UpMbps,
    SpreadDto? LatencyMs, double? ShareAtLeast100Mbps);

public sealed record HistogramBucketDto(int Bucket, string Label, double From, double? To, long Tests);

/// <summary>Counts of single tests (valid + invalid), tiles and quarantined lines; synthetic: how many of the tests are SYNTHETIC,
/// syntheticValid: how many of the valid tests (those in the statistics) are.</summary>
public sealed record QualitySummaryDto(long Measurements, long Valid, long Invalid, long Tiles, long Quarantined, long Synthetic, long SyntheticValid);
