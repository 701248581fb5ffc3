using Dala.Geo;

namespace Dala.Registry.Model;

/// <summary>A populated place. Its connection status is not here: it is derived from the connectivity history.</summary>
/// <param name="Id">Stable id: osm-123 (OpenStreetMap node), gn-123 (GeoNames), or the id of a CSV row.</param>
public sealed record Settlement(
    string Id,
    Names Name,
    SettlementKind Kind,
    Population Population,
    LonLat Location,
    string RegionCode,
    string? KatoCode,
    string Source);
