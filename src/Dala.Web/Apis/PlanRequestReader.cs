using System.Text.Json;
using Dala.Registry.Query;
using Dala.Rollout.Costs;
using Dala.Rollout.Options;
using Dala.Rollout.Phasing;
using Dala.Rollout.Planning;
using Dala.Web.Http;

namespace Dala.Web.Apis;

/// <summary>
/// The body of POST /api/plans to a <see cref="PlanRequest"/>: every problem named by its JSON path, a cost book
/// read by <see cref="CostBookJson"/> (its problems under <c>costs.</c>), targets by <see cref="TargetsReader"/>.
/// </summary>
internal static class PlanRequestReader
{
    public const int MaxNameLength = 100;

    private static readonly string[] Modes = ["least-cost", "most-people"];

    /// <summary>The request, or null with the problems in <paramref name="errors"/>.</summary>
    public static PlanRequest? Read(JsonElement root, RegistryView view, DalaWebSettings settings, BodyErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.WrongShape("body", "expected a JSON object");
            return null;
        }
        var f = new JsonFields(root, "", errors, PlanRequestSchema.Fields);
        var name = f.String("name", required: true)?.Trim();
        if (name is not null && name.Length is 0 or > MaxNameLength) errors.Invalid("name", $"must be 1 to {MaxNameLength} characters (got {name.Length})");
        var mode = f.String("mode") ?? "least-cost";
        if (!Modes.Contains(mode)) errors.Invalid("mode", $"'{mode}' is not one of {string.Join(", ", Modes)}");
        var region = f.String("region");
        if (region is not null && !view.Snapshot.RegionsByCode.ContainsKey(region))
            errors.Invalid("region", $"unknown region '{region}' (known: {string.Join(", ", view.Snapshot.RegionsByCode.Keys.Order(StringComparer.Ordinal))})");
        var defaults = new PhasingSettings();
        var budget = defaults.BudgetPerYear;
        if (f.Raw("budgetPerYearTenge") is { } given) // null: no limit
            budget = given.ValueKind == JsonValueKind.Null ? null : f.Number("budgetPerYearTenge", 0, 1e16, exclusiveMin: true);
        var regional = RegionBudgets(f, view, errors);
        var km = f.Number("fibreKmPerRegionYear", 0, 1e7, exclusiveMin: true) ?? defaults.FibreKmPerRegionYear;
        var sites = f.Int("sitesPerRegionYear", 0, 1_000_000) ?? defaults.SitesPerRegionYear;
        var permits = f.Int("permitLeadMonths", 0, 60) ?? defaults.PermitLeadMonths;
        var targets = TargetsReader.Read(f, view.AsOf, errors) ?? settings.Targets;
        var costs = Costs(f, errors) ?? CostBook.Default;
        var sensitivity = f.Bool("sensitivity") ?? false;
        if (errors.Any) return null;
        return new PlanRequest
        {
            Name = name!, Mode = mode == "most-people" ? PlanMode.MostPeople : PlanMode.LeastCost, Costs = costs, Targets = targets,
            Phasing = defaults with
            {
                BudgetPerYear = budget, RegionBudgetPerYear = regional, FibreKmPerRegionYear = km, SitesPerRegionYear = sites, PermitLeadMonths = permits,
            },
            Build = new BuildSettings { Region = region }, Sensitivity = sensitivity,
        };
    }

    /// <summary>regionBudgetPerYearTenge: {"KZ-61": 20e9, ...}; each key a known region, each value a number of tenge > 0.</summary>
    private static System.Collections.Immutable.ImmutableDictionary<string, double> RegionBudgets(JsonFields f, RegistryView view, BodyErrors errors)
    {
        var result = System.Collections.Immutable.ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (f.Get("regionBudgetPerYearTenge") is not { } given) return result.ToImmutable();
        if (given.ValueKind != JsonValueKind.Object)
        {
            f.Wrong("regionBudgetPerYearTenge", "an object of region code to tenge per year");
            return result.ToImmutable();
        }
        foreach (var p in given.EnumerateObject())
        {
            var at = "regionBudgetPerYearTenge." + p.Name;
            if (!view.Snapshot.RegionsByCode.ContainsKey(p.Name)) errors.Invalid(at, $"unknown region '{p.Name}'");
            else if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var v) || !double.IsFinite(v)) errors.WrongShape(at, "expected a number of tenge");
            else if (v <= 0) errors.Invalid(at, "must be greater than 0");
            else result[p.Name] = v;
        }
        return result.ToImmutable();
    }

    private static CostBook? Costs(JsonFields f, BodyErrors errors)
    {
        if (f.Get("costs") is not { } costs) return null;
        if (costs.ValueKind != JsonValueKind.Object)
        {
            f.Wrong("costs", "a cost-book object (GET /api/plans/costs gives the default one)");
            return null;
        }
        try
        {
            return CostBookJson.Read(costs.GetRawText(), "costs");
        }
        catch (CostBookException e)
        {
            foreach (var p in e.Problems) errors.Invalid(p.Field.StartsWith('(') ? "costs" : "costs." + p.Field, p.Reason);
            return null;
        }
    }
}
