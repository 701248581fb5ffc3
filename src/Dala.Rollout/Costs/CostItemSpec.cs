namespace Dala.Rollout.Costs;

/// <summary>What kind of number a cost-book item is: money (tenge or dollars), a share (0..1) or another quantity.</summary>
public enum CostItemKind
{
    Money,
    Share,
    Quantity,
}

/// <summary>
/// One item Dala's cost book knows: its id, its unit (money items: the unit of the amount, e.g. "per km"), its
/// kind, its default value, the default's currency (money only) and where the default comes from.
/// </summary>
public sealed record CostItemSpec(string Id, string Unit, CostItemKind Kind, double Default, string? Currency, string Source, bool Positive = false)
{
    /// <summary>Why a value is not acceptable for this item, or null when it is.</summary>
    public string? Problem(double value) => value switch
    {
        _ when !double.IsFinite(value) => "is not a finite number",
        < 0 => "is negative",
        0 when Positive => "must be greater than 0",
        > 1 when Kind == CostItemKind.Share => "is a share and must be within 0..1",
        _ => null,
    };
}
