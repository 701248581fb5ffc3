using System.Collections.Immutable;

namespace Dala.Rollout.Costs;

/// <summary>
/// A versioned cost book: every number with its unit, currency and source. Money is read in the currency given and
/// used in tenge (dollars at <c>usd_kzt</c>). Read with <see cref="CostBookJson"/>; <see cref="Default"/> is Dala's.
/// </summary>
public sealed partial class CostBook
{
    public const string DefaultVersion = "dala-2026.12";

    private readonly ImmutableDictionary<string, CostItem> _items;

    public CostBook(string version, string? description, IEnumerable<CostItem> items)
    {
        Version = version;
        Description = description;
        _items = items.ToImmutableDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var spec in CostItems.All)
            if (!_items.ContainsKey(spec.Id)) throw new ArgumentException($"the cost book has no item {spec.Id}", nameof(items));
        UsdKzt = _items["usd_kzt"].Value;
    }

    public static CostBook Default { get; } = new(DefaultVersion, "Dala's default cost book: Giga's sample items, Dala.Fibre's tenge per km, and planning assumptions",
        CostItems.All.Select(s => new CostItem(s.Id, s.Default, s.Unit, s.Currency, s.Source)));

    public string Version { get; }

    public string? Description { get; }

    public double UsdKzt { get; }

    /// <summary>Every item, in the order of <see cref="CostItems.All"/>, then the per-region household sizes.</summary>
    public IReadOnlyList<CostItem> Items =>
        [.. CostItems.All.Select(s => _items[s.Id]), .. _items.Values.Where(i => !CostItems.ById.ContainsKey(i.Id)).OrderBy(i => i.Id, StringComparer.Ordinal)];

    public CostItem Get(string id) => _items[id];

    /// <summary>An item's value, money converted to tenge.</summary>
    public double this[string id] => _items[id] is var item && item.Currency == "USD" ? item.Value * UsdKzt : item.Value;

    /// <summary>A copy with one item's value multiplied (for sensitivity runs); money keeps its currency.</summary>
    public CostBook Scaled(string id, double factor) =>
        new(Version + $"; {id} x{factor:0.###}", Description, _items.Values.Select(i => i.Id == id ? i with { Value = i.Value * factor } : i));

    /// <summary>A copy with items replaced (same ids).</summary>
    public CostBook With(params CostItem[] items) =>
        new(Version, Description, _items.Values.Where(i => items.All(x => x.Id != i.Id)).Concat(items));

    /// <summary>Persons per household in a region: household_size.KZ-NN when given, else household_size.</summary>
    public double HouseholdSize(string? region) =>
        region is not null && _items.TryGetValue(CostItems.HouseholdSizePrefix + region, out var r) ? r.Value : _items["household_size"].Value;
}
