using System.Globalization;
using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Tests.Giga;

/// <summary>
/// An independent check of a plan CSV against the rules, with its own distances and cost formulas: one row per school sorted by
/// id; a Fiber (P2P) row hangs from a POP (tower) or a Fiber (P2P) row by a hop shorter than the maximum link, and its chain
/// ends at a POP (tower); every chosen technology is feasible; None only when nothing is; each total is recomputed from the
/// formulas with the school's own edge. Returns the recomputed sum of totals.
/// </summary>
internal static class PlanChecker
{
    public const string Header = "school_id,technology,parent,total_cost,fiber_total_cost,cellular_total_cost,satellite_total_cost,p2p_total_cost";

    public static double Check(string csv, GigaCase input, GigaScenario scenario)
    {
        var lines = csv.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(input.Schools.Select(s => s.Id).Order(StringComparer.Ordinal), rows.Select(r => r[0]));
        var byId = rows.ToDictionary(r => r[0]);
        var rules = new CheckerRules(input, scenario);
        var sum = 0.0;
        foreach (var r in rows)
        {
            var school = input.Schools.Single(s => s.Id == r[0]);
            double expected;
            switch (r[1])
            {
                case "Fiber" or "P2P":
                    var tech = r[1] == "Fiber" ? Technology.Fiber : Technology.P2P;
                    var hop = Chain(rules, tech, school, byId);
                    expected = rules.Total(tech, school, hop)!.Value;
                    break;
                case "Cellular" or "Satellite":
                    Assert.True(r[2].Length == 0, $"{r[0]}: a {r[1]} row has no parent");
                    expected = rules.Total(Enum.Parse<Technology>(r[1]), school, 0) ?? throw new Xunit.Sdk.XunitException($"{r[0]}: {r[1]} is infeasible");
                    break;
                case "None":
                    Assert.True(r[3].Length == 0 && !rules.AnythingFeasible(school), $"{r[0]}: None although an option is feasible");
                    continue;
                default:
                    throw new Xunit.Sdk.XunitException($"{r[0]}: unknown technology {r[1]}");
            }
            var total = double.Parse(r[3], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(total - expected) <= 1e-6 * Math.Max(1, expected), $"{r[0]}: total {total}, the formulas give {expected}");
            sum += expected;
        }
        return sum;
    }

    /// <summary>Walks a networked row's parents to its root; returns the row's own hop length in metres.</summary>
    private static double Chain(CheckerRules rules, Technology tech, GigaSchool school, Dictionary<string, string[]> rows)
    {
        var seen = new HashSet<string>();
        var current = school;
        double? own = null;
        while (true)
        {
            Assert.True(seen.Add(current.Id), $"{school.Id}: the {tech} chain loops at {current.Id}");
            Assert.True(rules.Eligible(tech, current), $"{current.Id}: {tech} is not allowed for it");
            var parent = rows[current.Id][2];
            var (lat, lon, isRoot) = rules.Site(tech, parent, rows);
            var d = rules.Metres(tech, current.Lat, current.Lon, lat, lon);
            Assert.True(d < rules.MaximumM(tech), $"{current.Id} -> {parent}: {d:F1} m is not shorter than the maximum link");
            own ??= d;
            if (isRoot) return own.Value;
            current = rules.Input.Schools.Single(s => s.Id == parent);
        }
    }
}
