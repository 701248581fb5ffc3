namespace Dala.Permits.Model;

/// <summary>
/// A site a regional administration offers for a base station: a public building (school, akimat, clinic, ...) with its
/// point, the date it was offered and by whom; optionally the permit request that took it up.
/// </summary>
public sealed record OfferedSite(string SiteId, string Region, string Name, double Lon, double Lat, DateOnly Offered, string OfferedBy,
    string? Building = null, string? TakenBy = null);
