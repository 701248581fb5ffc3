using Dala.Registry.Model;

namespace Dala.Registry.Scenario;

public sealed partial class SyntheticScenario
{
    private static readonly DateOnly FibreStart = new(2014, 1, 1);

    internal static List<ConnectivityRecord> Generate(IReadOnlyList<Settlement> settlements, DateOnly today, int seed)
    {
        var rng = new Random(seed);
        var towns = settlements.Where(s => !s.Kind.IsRural()).ToArray();
        var rural = settlements.Where(s => s.Kind.IsRural()).OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        var scored = rural.Select(s => (S: s, Score: Math.Log((s.Population.Count ?? 150) + 20)
                                                      - DistanceToTown(s, towns) / 40 + (rng.NextDouble() - 0.5) * 1.6))
            .OrderByDescending(x => x.Score).ThenBy(x => x.S.Id, StringComparer.Ordinal).ToArray();
        var fibreCount = FibreTarget(rural.Length);
        var span = Math.Max(1, today.AddDays(-30).DayNumber - FibreStart.DayNumber);
        var records = new List<ConnectivityRecord>();
        for (var i = 0; i < scored.Length; i++)
        {
            var s = scored[i].S;
            if (i < fibreCount)
            {
                var day = FibreStart.AddDays((int)((double)i / fibreCount * span));
                Mobile(records, s, rng, today, upgradeBefore: day);
                records.Add(Rec(s, Technology.Fibre, "synthetic-a", rng.NextDouble() < 0.6 ? 100 : 200, 50, day));
                continue;
            }
            var r = rng.NextDouble();
            if (r < 0.08) records.Add(Rec(s, Technology.None, null, null, null, new DateOnly(2019, 1, 1)));
            else if (r < 0.16) records.Add(Rec(s, Technology.Satellite, "synthetic-c", 50, 10, Day(rng, 2021, 2025, today)));
            else if (r < 0.22) records.Add(Rec(s, Technology.FixedWireless, "synthetic-b", 30, 10, Day(rng, 2018, 2025, today)));
            else Mobile(records, s, rng, today, upgradeBefore: today);
        }
        foreach (var t in towns.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            records.Add(Rec(t, Technology.Fibre, "synthetic-a", t.Kind == SettlementKind.City ? 1000 : 500, 200, Day(rng, 2010, 2014, today)));
            records.Add(Rec(t, Technology.FourG, "synthetic-b", 75, 20, Day(rng, 2016, 2018, today)));
            if (t.Kind == SettlementKind.City) records.Add(Rec(t, Technology.FiveG, "synthetic-b", 300, 50, Day(rng, 2024, 2025, today)));
        }
        return records;
    }

    /// <summary>3G from the early 2010s, upgraded to 4G for most before the given date.</summary>
    private static void Mobile(List<ConnectivityRecord> records, Settlement s, Random rng, DateOnly today, DateOnly upgradeBefore)
    {
        var op = rng.NextDouble() < 0.7 ? "synthetic-b" : "synthetic-a";
        var start = Day(rng, 2010, 2014, today);
        if (start >= upgradeBefore) return;
        records.Add(Rec(s, Technology.ThreeG, op, 4, 1, start));
        if (rng.NextDouble() < 0.8)
        {
            var lte = Day(rng, 2016, 2025, today);
            if (lte < upgradeBefore) records.Add(Rec(s, Technology.FourG, op, 10 + rng.Next(6) * 10, 10, lte));
        }
    }

    private static DateOnly Day(Random rng, int fromYear, int toYear, DateOnly today)
    {
        var from = new DateOnly(fromYear, 1, 1);
        var to = new DateOnly(toYear, 12, 31);
        if (to > today) to = today;
        return from.AddDays(rng.Next(Math.Max(1, to.DayNumber - from.DayNumber)));
    }

    private static ConnectivityRecord Rec(Settlement s, Technology t, string? op, double? down, double? up, DateOnly day) =>
        new(s.Id, t, op, down, up, day, Source, true);
}
