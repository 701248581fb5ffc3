using Dala.Geo.Io;
using Dala.Rollout.Plans;

namespace Dala.Rollout.Export;

/// <summary>
/// A plan as CSV, one line per settlement: the pinned columns first (settlement_id, technology, year, capex_tenge,
/// opex_tenge_per_year, meets_100mbps, reason), then the details. Money is whole tenge, each line's share of shared
/// works included (the lines add up to the plan's totals). Every line says whether the plan rests on synthetic data.
/// </summary>
public static class PlanCsv
{
    public static readonly string[] Header =
    [
        "settlement_id", "technology", "year", "capex_tenge", "opex_tenge_per_year", "meets_100mbps", "reason",
        "name", "region", "population", "population_estimated", "option", "npv_tenge", "busy_hour_mbps_per_subscriber",
        "facility", "fibre_parent", "fibre_km", "interim_year", "interim_technology", "earliest_year", "binding", "synthetic",
    ];

    public static void Write(TextWriter text, RolloutPlan plan)
    {
        var csv = new CsvWriter(text);
        csv.Row([.. Header]);
        foreach (var l in plan.Settlements)
        {
            csv.Row(l.SettlementId, l.Technology, l.Year, Math.Round(l.CapexTenge), Math.Round(l.OpexTengePerYear), l.Meets100Mbps, l.Reason,
                l.Name, l.Region, l.Population, l.PopulationEstimated, l.Option, Math.Round(l.NpvTenge), Math.Round(l.BusyHourMbpsPerSubscriber, 1),
                l.Facility, l.FibreParent, Math.Round(l.FibreKm, 3), l.InterimYear, l.InterimTechnology, l.EarliestYear, l.Binding, plan.Synthetic);
        }
    }
}
