using Dala.Rollout.Plans;

namespace Dala.Storage.Tests.Plans;

/// <summary>
/// Deterministic rollout plans of any size for the plan-store tests: every field filled, nullable fields null on
/// some lines, doubles with full mantissas (and a few extremes), Kazakh and Russian text.
/// </summary>
public static partial class SamplePlans
{
    private static readonly string[] Regions = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39"];
    private static readonly string[] Technologies = ["fibre", "5g", "4g", "fixed-wireless", "satellite"];
    private static readonly string[] Names = ["Ақсу", "Қызылжар", "Жаңаталап", "Берёзовка", "Сарыкөл", "Талдыбұлақ"];

    public static RolloutPlan Build(int seed, string name, DateTimeOffset createdAt, int settlements, int fibre, int sites)
    {
        var rng = new Random(seed);
        var lines = Enumerable.Range(0, settlements).Select(i => Line(rng, seed, i)).ToArray();
        var segments = Enumerable.Range(0, fibre).Select(_ => new FibreSegment(Lon(rng), Lat(rng), Lon(rng), Lat(rng), rng.NextDouble() * 40,
            rng.NextDouble() * 9e7, 2026 + rng.Next(5), Pick(rng, Regions))).ToArray();
        var built = Enumerable.Range(0, sites).Select(i => new PlannedSite($"site-{seed}-{i}", Pick(rng, ["new-mast", "upgrade-5g", "fwa-radio"]),
            Lon(rng), Lat(rng), Pick(rng, Regions), 2026 + rng.Next(5), rng.NextDouble() * 2e8, rng.Next(1, 30), rng.Next(2) == 0)).ToArray();
        var bars = Enumerable.Range(0, 6).Select(i => new SensitivityBar($"input-{i}", $"Стоимость {i} / құны", 0.8, 1.2,
            rng.NextDouble() * 1e12, rng.NextDouble() * 1e12, 5.5e11)).ToArray();
        return new RolloutPlan(0, name, createdAt, seed % 2 == 0, $$"""{"seed":{{seed}},"mode":"least-cost","region":null,"label":"Ақмола"}""",
            Summary(rng, lines), lines, segments, built, bars);
    }

    private static SettlementPlan Line(Random rng, int seed, int i)
    {
        var served = rng.Next(5) != 0;
        var late = rng.Next(4) == 0;
        var tech = Pick(rng, Technologies);
        var line = new SettlementPlan($"osm-{seed}{i:D6}", $"{Pick(rng, Names)} {i}", Pick(rng, Regions), Lon(rng), Lat(rng), rng.Next(20, 20_000),
            rng.Next(3) == 0, tech, tech + "-" + Pick(rng, ["trench", "aerial", "new-mast", "upgrade"]), served ? 2026 + rng.Next(5) : null,
            rng.NextDouble() * 3e8, rng.NextDouble() * 4e6, rng.NextDouble() * 5e8, rng.Next(2) == 0, rng.NextDouble() * 150,
            served ? "cheapest that meets the targets" : "already meets the targets", rng.Next(2) == 0 ? $"olt-{rng.Next(400)}" : null,
            tech == "fibre" && i > 0 ? $"osm-{seed}{rng.Next(i):D6}" : null, tech == "fibre" ? rng.NextDouble() * 60 : 0,
            late ? 2026 + rng.Next(2) : null, late ? "satellite" : null, late ? 2028 + rng.Next(3) : null, late ? "permit lead time" : null);
        return i switch
        {
            0 => line with { CapexTenge = double.Epsilon, NpvTenge = 1.7976931348623157e308, BusyHourMbpsPerSubscriber = 1e-300, FibreKm = 0.1 + 0.2 },
            1 => line with { BusyHourMbpsPerSubscriber = double.NaN, OpexTengePerYear = double.PositiveInfinity, Facility = "", Binding = "бюджет 2027 \"кавычки\", comma\nnewline" },
            _ => line,
        };
    }

    private static double Lon(Random rng) => 46.5 + rng.NextDouble() * 40.8;

    private static double Lat(Random rng) => 40.6 + rng.NextDouble() * 14.8;

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
