using System.Globalization;
using Dala.Geo.Io;
using Dala.Rollout.Giga.Choice;
using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Giga.Output;

/// <summary>
/// Writes a plan as one CSV row per school sorted by school_id (ordinal, as Giga's output): the choice, its parent and total,
/// then each technology's candidate total (empty when infeasible for the school or not in the scenario; in the chosen
/// technology's column the chosen total, which for a networked technology follows the school's edge in the chosen tree).
/// Floats with 6 decimals like Giga.
/// </summary>
public static class PlanCsvWriter
{
    public const string Header = "school_id,technology,parent,total_cost,fiber_total_cost,cellular_total_cost,satellite_total_cost,p2p_total_cost";

    public static void Write(TextWriter w, GigaPlan plan)
    {
        var csv = new CsvWriter(w);
        csv.Row(Header.Split(','));
        var schools = plan.Costs.Case.Schools;
        foreach (var c in plan.Choices.OrderBy(c => schools[c.School].Id, StringComparer.Ordinal))
        {
            var candidates = new[] { Technology.Fiber, Technology.Cellular, Technology.Satellite, Technology.P2P }
                .Select(t => Number(t == c.Technology ? c.Total : plan.Costs.Total(t, c.School)));
            csv.Row([schools[c.School].Id, c.Technology.ToString(), c.Parent ?? "", Number(c.Total), .. candidates]);
        }
    }

    public static string Number(double? v) =>
        v is { } x && double.IsFinite(x) ? x.ToString("F6", CultureInfo.InvariantCulture) : "";
}
