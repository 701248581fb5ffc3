using System.Text.Json.Nodes;

namespace Dala.Rollout.Costs;

/// <summary>Reads one item of a cost-book file, reporting each problem by its JSON path.</summary>
internal static class CostItemReader
{
    public static CostItem? Read(string id, JsonNode? node, Action<string, string> problem)
    {
        var at = "items." + id;
        var spec = CostItems.Find(id);
        if (spec is null)
        {
            problem(at, "unknown item (dala plan costs lists the items)");
            return null;
        }
        if (node is not JsonObject o)
        {
            problem(at, "expected an object with value, unit, currency (money) and source");
            return null;
        }
        var count = 0;
        void Fail(string field, string reason)
        {
            count++;
            problem(field, reason);
        }
        double value = 0;
        if (o["value"] is JsonValue v && v.TryGetValue<double>(out var d))
        {
            value = d;
            if (spec.Problem(d) is { } why) Fail(at + ".value", $"{CostBookJson.Show(d)} {why}");
        }
        else Fail(at + ".value", "missing or not a number");
        var unit = CostBookJson.Text(o["unit"]);
        if (unit != spec.Unit) Fail(at + ".unit", unit is null ? $"missing: expected \"{spec.Unit}\"" : $"\"{unit}\" is not this item's unit \"{spec.Unit}\"");
        var currency = CostBookJson.Text(o["currency"]);
        if (spec.Kind == CostItemKind.Money && currency is not ("KZT" or "USD"))
            Fail(at + ".currency", currency is null ? "missing: a money item says KZT or USD" : $"\"{currency}\" is not KZT or USD");
        if (spec.Kind != CostItemKind.Money && o["currency"] is not null)
            Fail(at + ".currency", "this item is not money: leave the currency out");
        var source = CostBookJson.Text(o["source"]);
        if (string.IsNullOrWhiteSpace(source)) Fail(at + ".source", "missing: every number says where it comes from");
        return count > 0 ? null : new CostItem(id, value, spec.Unit, spec.Kind == CostItemKind.Money ? currency : null, source!);
    }
}
