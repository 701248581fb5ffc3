using Dala.Registry.Model;

namespace Dala.Registry.Query;

/// <summary>
/// A filter over settlements; null members do not filter. Technologies are wire names plus "unknown". Ids
/// restricts to a set found elsewhere (e.g. the store's spatial box query).
/// </summary>
public sealed record SettlementQuery(
    IReadOnlySet<string>? Regions = null,
    IReadOnlySet<SettlementKind>? Kinds = null,
    IReadOnlySet<string>? Technologies = null,
    int? MinPopulation = null,
    int? MaxPopulation = null,
    string? Text = null,
    IReadOnlySet<string>? Ids = null)
{
    public static readonly SettlementQuery All = new();
}
