using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Registry.Import;

/// <summary>A settlement as read from a file, before its region is resolved against the store.</summary>
/// <param name="RegionHint">A region code or name given in the file, or null to locate by polygon.</param>
internal sealed record SettlementRow(
    int Line,
    string Id,
    Names Name,
    SettlementKind Kind,
    Population Population,
    LonLat Location,
    string? RegionHint,
    string? KatoCode,
    string Source);
