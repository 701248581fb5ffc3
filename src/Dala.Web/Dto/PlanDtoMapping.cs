using System.Text.Json;
using Dala.Rollout.Plans;

namespace Dala.Web.Dto;

/// <summary>Rollout plans to API shapes; every double that may not be finite (NaN, ±∞) becomes null so the JSON stays valid.</summary>
public static class PlanDtoMapping
{
    private static double? F(double v) => double.IsFinite(v) ? v : null;

    public static PlanHeaderDto ToHeaderDto(this RolloutPlan p)
    {
        var s = p.Summary;
        return new(p.Id, p.Name, p.CreatedAt, p.Synthetic, s.Mode, s.AsOf, s.FirstYear, s.LastYear, s.Settlements, s.Population,
            F(s.TotalNpvTenge), F(s.LowerBoundTenge), F(s.Gap), F(s.CapexTenge), s.TargetsMet, F(s.Seconds));
    }

    public static PlanDetailDto ToDetailDto(this RolloutPlan p)
    {
        using var inputs = JsonDocument.Parse(p.InputsJson);
        return new(p.Id, p.Name, p.CreatedAt, p.Synthetic, inputs.RootElement.Clone(), p.Summary.ToDto(), [.. p.Sensitivity.Select(ToDto)]);
    }

    public static PlanSummaryDto ToDto(this PlanSummary s) => new(s.Mode, s.AsOf, s.FirstYear, s.LastYear, s.Settlements, s.Population,
        F(s.TotalNpvTenge), F(s.LowerBoundTenge), F(s.Gap), F(s.CapexTenge), F(s.OpexTengePerYear), s.TargetsMet,
        [.. s.Technologies.Select(t => new TechnologyTotalDto(t.Technology, t.Settlements, t.Population, F(t.CapexTenge), F(t.NpvTenge)))],
        [.. s.Years.Select(y => new PlanYearDto(y.Year, y.SettlementsConnected, F(y.CapexTenge), F(y.OpexTenge), F(y.FibreKm), y.Sites,
            F(y.BudgetTenge), y.BroadbandSettlements, y.Mbps100Settlements, y.BroadbandPopulation, y.Mbps100Population,
            F(y.BroadbandShare), F(y.Mbps100Share)))],
        [.. s.RegionYears.Select(r => new RegionYearCostDto(r.Region, r.Year, r.Technology, F(r.CapexTenge), r.Settlements))],
        [.. s.Targets.Select(t => new TargetOutcomeDto(t.Id, t.Label, t.Metric, F(t.Share), t.By, F(t.Reached), t.Met, t.Binding))],
        [.. s.Shortfalls.Select(x => new ShortfallDto(x.Constraint, x.Region, x.Year, F(x.Needed), F(x.Available), x.Unit, x.Explanation))],
        [.. s.Assumptions], s.Network, F(s.Seconds));

    public static SensitivityBarDto ToDto(this SensitivityBar b) =>
        new(b.Input, b.Label, F(b.Low), F(b.High), F(b.NpvLowTenge), F(b.NpvHighTenge), F(b.NpvBaseTenge));

    public static SettlementPlanDto ToDto(this SettlementPlan l) => new(l.SettlementId, l.Name, l.Region, l.Lon, l.Lat, l.Population,
        l.PopulationEstimated, l.Technology, l.Option, l.Year, F(l.CapexTenge), F(l.OpexTengePerYear), F(l.NpvTenge), l.Meets100Mbps,
        F(l.BusyHourMbpsPerSubscriber), l.Reason, l.Facility, l.FibreParent, F(l.FibreKm), l.InterimYear, l.InterimTechnology,
        l.EarliestYear, l.Binding);

    public static PlanComparisonDto ToDto(this PlanComparison c) => new(c.A.ToHeaderDto(), c.B.ToHeaderDto(),
        F(c.NpvDifferenceTenge), F(c.CapexDifferenceTenge),
        [.. c.Technologies.Select(t => new TechnologyDifferenceDto(t.Technology, t.SettlementsA, t.SettlementsB, F(t.CapexA), F(t.CapexB)))],
        [.. c.Settlements.Select(d => new SettlementDifferenceDto(d.SettlementId, d.Name, d.Region, d.Lon, d.Lat,
            d.TechnologyA, d.YearA, F(d.CapexA), d.TechnologyB, d.YearB, F(d.CapexB)))],
        c.OnlyInA, c.OnlyInB);
}
