using System.Text.Json.Nodes;
using Dala.Rollout.Costs;

namespace Dala.Rollout.Planning;

/// <summary>What a plan was asked, kept with it as JSON (the cost book whole, so the plan can be re-run as it was).</summary>
public static class PlanInputs
{
    public static string Json(PlanRequest r)
    {
        var p = r.Phasing;
        var root = new JsonObject
        {
            ["name"] = r.Name,
            ["mode"] = r.Mode == PlanMode.LeastCost ? "least-cost" : "most-people",
            ["region"] = r.Build.Region,
            ["targets"] = new JsonArray([.. r.Targets.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = t.Id, ["label"] = t.Label, ["metric"] = t.Metric, ["share"] = t.Share, ["by"] = t.By.ToString("yyyy-MM-dd"),
            })]),
            ["phasing"] = new JsonObject
            {
                ["budgetPerYearTenge"] = p.BudgetPerYear, ["fibreKmPerRegionYear"] = p.FibreKmPerRegionYear,
                ["sitesPerRegionYear"] = p.SitesPerRegionYear, ["permitLeadMonths"] = p.PermitLeadMonths,
                ["regionBudgetPerYearTenge"] = new JsonObject([.. p.RegionBudgetPerYear.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                ["earliestOnAirByRegion"] = new JsonObject([.. p.EarliestOnAirByRegion.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))]),
            },
            ["candidateSites"] = r.Build.Candidates.Count,
            ["sensitivity"] = r.Sensitivity,
            ["costs"] = JsonNode.Parse(CostBookJson.Write(r.Costs)),
        };
        return root.ToJsonString();
    }
}
