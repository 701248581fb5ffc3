using Dala.Geo;

namespace Dala.Radio.Coverage;

/// <summary>What kind of place a receiver is in; Hata-family models pick their variant from it.</summary>
public enum Clutter
{
    Rural,
    Suburban,
    Urban,
}

/// <summary>A place to predict for: a settlement, a raster cell, a point along a road; its region when known (for calibration terms by region).</summary>
public readonly record struct CoverageTarget(string Id, LonLat Location, int? Population, Clutter Clutter, string? Region = null);

public static class Clutters
{
    /// <summary>The clutter class of a settlement kind: cities urban, towns suburban, the rest rural.</summary>
    public static Clutter Of(Registry.Model.SettlementKind kind) => kind switch
    {
        Registry.Model.SettlementKind.City => Clutter.Urban,
        Registry.Model.SettlementKind.Town => Clutter.Suburban,
        _ => Clutter.Rural,
    };
}

/// <summary>
/// What a place gets from the best carrier layer: serving site and sector, RSRP, SINR, peak cell throughput, and the
/// busy-hour per-user rate for its population. Null values mean no site within the search radius.
/// </summary>
public sealed record TargetPrediction(
    string TargetId,
    string? SiteId,
    string? SectorId,
    double? RsrpDbm,
    double? SinrDb,
    double? PeakMbps,
    double? BusyHourMbps,
    bool Covered,
    bool Meets100Mbps,
    bool TerrainUsed,
    int SitesInRange)
{
    public static TargetPrediction None(string id) => new(id, null, null, null, null, null, null, false, false, false, 0);
}
