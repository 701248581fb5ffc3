using Dala.Geo;
using Dala.Registry.Model;

namespace Dala.Registry.Query;

/// <summary>A filter over settlements; null members do not filter. Technologies are wire names plus "unknown".</summary>
public sealed record SettlementQuery(
    IReadOnlySet<string>? Regions = null,
    IReadOnlySet<SettlementKind>? Kinds = null,
    IReadOnlySet<string>? Technologies = null,
    int? MinPopulation = null,
    int? MaxPopulation = null,
    string? Text = null,
    BBox? Box = null)
{
    public static readonly SettlementQuery All = new();
}
