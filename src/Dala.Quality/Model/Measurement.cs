using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Quality.Model;

/// <summary>Where a measurement came from.</summary>
public enum MeasurementSource
{
    Ndt7Server,
    Ndt7Client,
    Import,
    Inspector,
}

/// <summary>A single test, or a published tile of many tests (Ookla open data: means over a quadkey tile).</summary>
public enum MeasurementKind
{
    Test,
    Tile,
}

/// <summary>
/// One internet-quality measurement as kept: when and where, which operator and access, what it measured, where
/// it came from, and whether it passes the validity rules (with the rules it failed). Client addresses are
/// kept only truncated (/24 IPv4, /48 IPv6).
/// </summary>
public sealed record Measurement
{
    public required string Id { get; init; }
    public required DateTimeOffset Time { get; init; }
    public LonLat? Location { get; init; }
    /// <summary>Zoom-16 quadkey (Ookla's grid), from the location or as given.</summary>
    public string? Quadkey { get; init; }
    public string? SettlementId { get; init; }
    public string? RegionCode { get; init; }
    public string? OperatorId { get; init; }
    public Technology? Access { get; init; }
    public double? DownMbps { get; init; }
    public double? UpMbps { get; init; }
    public double? LatencyMs { get; init; }
    public double? JitterMs { get; init; }
    public double? LossPct { get; init; }
    public long? Bytes { get; init; }
    public double? DurationS { get; init; }
    public required MeasurementSource Source { get; init; }
    public MeasurementKind Kind { get; init; } = MeasurementKind.Test;
    /// <summary>The file or feed it came from.</summary>
    public string? Dataset { get; init; }
    /// <summary>The client's network, truncated: "95.56.12.0/24" or "2a02:a0::/48".</summary>
    public string? ClientNetwork { get; init; }
    /// <summary>Tests behind the row (1 for a test; an Ookla tile's test count).</summary>
    public int Tests { get; init; } = 1;
    public int? Devices { get; init; }
    public bool Valid { get; init; } = true;
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public bool Synthetic { get; init; }

    public bool Equals(Measurement? o) => o is not null && Id == o.Id && Time == o.Time && Location == o.Location && Quadkey == o.Quadkey &&
        SettlementId == o.SettlementId && RegionCode == o.RegionCode && OperatorId == o.OperatorId && Access == o.Access &&
        DownMbps == o.DownMbps && UpMbps == o.UpMbps && LatencyMs == o.LatencyMs && JitterMs == o.JitterMs && LossPct == o.LossPct &&
        Bytes == o.Bytes && DurationS == o.DurationS && Source == o.Source && Kind == o.Kind && Dataset == o.Dataset &&
        ClientNetwork == o.ClientNetwork && Tests == o.Tests && Devices == o.Devices && Valid == o.Valid && Synthetic == o.Synthetic &&
        Reasons.SequenceEqual(o.Reasons);

    public override int GetHashCode() => HashCode.Combine(Id, Time, DownMbps);
}

/// <summary>A line of input that could not become a measurement, kept with why, so that no line disappears.</summary>
public sealed record QuarantinedLine(string Id, DateTimeOffset ReceivedAt, string Origin, int Line, string Content, IReadOnlyList<string> Reasons);

public static class MeasurementSources
{
    public static string WireName(this MeasurementSource s) => s switch
    {
        MeasurementSource.Ndt7Server => "ndt7-server",
        MeasurementSource.Ndt7Client => "ndt7-client",
        MeasurementSource.Import => "import",
        MeasurementSource.Inspector => "inspector",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static MeasurementSource? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "ndt7-server" => MeasurementSource.Ndt7Server,
        "ndt7-client" => MeasurementSource.Ndt7Client,
        "import" => MeasurementSource.Import,
        "inspector" => MeasurementSource.Inspector,
        _ => null,
    };
}
