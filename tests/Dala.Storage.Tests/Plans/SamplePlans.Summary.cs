using Dala.Rollout.Plans;

namespace Dala.Storage.Tests.Plans;

public static partial class SamplePlans
{
    private static PlanSummary Summary(Random rng, SettlementPlan[] lines)
    {
        var technologies = lines.GroupBy(l => l.Technology).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TechnologyTotal(g.Key, g.Count(), g.Sum(l => (long)l.Population), g.Sum(l => l.CapexTenge), g.Sum(l => l.NpvTenge))).ToArray();
        var years = Enumerable.Range(2026, 5).Select(y => new PlanYear(y, rng.Next(2000), rng.NextDouble() * 1e11, rng.NextDouble() * 1e9,
            rng.NextDouble() * 9000, rng.Next(400), 1.2e11, rng.Next(7000), rng.Next(7000), rng.NextInt64(10_000_000), rng.NextInt64(10_000_000),
            y == 2030 ? double.NaN : rng.NextDouble(), rng.NextDouble())).ToArray();
        var regionYears = Regions.SelectMany(r => Enumerable.Range(2026, 5).Select(y => new RegionYearCost(r, y, Pick(rng, Technologies),
            rng.NextDouble() * 1e10, rng.Next(300)))).ToArray();
        TargetOutcome[] targets =
        [
            new("broadband-2026", "90% на широкополосном доступе", "broadband", 0.9, new DateOnly(2026, 12, 31), rng.NextDouble(), true, null),
            new("mbps100-2027", "100% ≥ 100 Мбит/с", "mbps100", 1.0, new DateOnly(2027, 12, 31), rng.NextDouble(), false, "budget-2027"),
        ];
        Shortfall[] shortfalls =
        [
            new("budget", null, 2027, 1.5e11, 1.2e11, "tenge", "the 2027 budget is 30 bn tenge short"),
            new("fibre-km", "KZ-11", 2027, 2400.5, 1800, "km", "Ақмола: 600 km more fibre in 2027"),
        ];
        return new PlanSummary("least-cost", new DateOnly(2026, 11, 21), 2026, 2030, lines.Length, lines.Sum(l => (long)l.Population),
            lines.Sum(l => l.NpvTenge), lines.Sum(l => l.NpvTenge) * 0.97, lines.Sum(l => l.CapexTenge), lines.Sum(l => l.OpexTengePerYear), false,
            technologies, years, regionYears, targets, shortfalls, ["discount rate 8%", "horizon 15 years", "SYNTHETIC connectivity"], "proxy",
            rng.NextDouble() * 100);
    }
}
