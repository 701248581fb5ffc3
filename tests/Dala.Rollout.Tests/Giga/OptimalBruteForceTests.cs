using System.Collections.Immutable;
using Dala.Rollout.Giga;
using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Output;

namespace Dala.Rollout.Tests.Giga;

/// <summary>On small random cases the MIP's optimum equals the least total found by enumerating every choice and every tree.</summary>
public sealed class OptimalBruteForceTests
{
    [Theory]
    [InlineData(1, "s2_fibre_cheaper")]
    [InlineData(2, "s2_fibre_cheaper")]
    [InlineData(3, "s2_fibre_cheaper")]
    [InlineData(4, "s2_fibre_cheaper")]
    [InlineData(5, "s6_p2p_no_line_of_sight")]
    [InlineData(6, "s6_p2p_no_line_of_sight")]
    public void The_optimum_is_the_least_total_over_every_choice_and_tree(int seed, string config)
    {
        var random = new Random(seed);
        var schools = Enumerable.Range(0, 5).Select(i => new GigaSchool($"S{i}", 53 + random.NextDouble() * 0.12 - 0.06,
            63 + random.NextDouble() * 0.2 - 0.1, random.Next(3) > 0, 100, 20)).ToImmutableArray();
        var input = new GigaCase(schools, [new FibrePop("POP", 53, 63)], [new CellTower("T", "Op", 53.05, 63.05, 30, ["4G"])]);
        var scenario = GigaReference.Scenario(config);
        scenario = scenario with
        {
            Technologies = [.. scenario.Technologies.Select(t => t switch
            {
                FibreConfig f => f with { MaximumConnectionKm = 4 },
                CellularConfig c => c with { MaximumRangeKm = 4 },
                P2PConfig p => p with { MaximumRangeKm = 4 },
                _ => t,
            })],
        };
        var run = GigaPlanner.Run(input, scenario, ChoiceMode.Optimal);
        using var w = new StringWriter();
        PlanCsvWriter.Write(w, run.Plan);
        var total = PlanChecker.Check(w.ToString(), input, scenario);
        Assert.Equal(BruteForce(input, scenario), total, 1e-6 * total);
        Assert.True(run.Plan.Total <= run.Giga.Total + 1e-6);
    }

    private static double BruteForce(GigaCase input, GigaScenario scenario)
    {
        var rules = new CheckerRules(input, scenario);
        var net = scenario.Has(Technology.Fiber) ? Technology.Fiber : Technology.P2P;
        var root = net == Technology.Fiber ? (53.0, 63.0) : (53.05, 63.05);
        var n = input.Schools.Length;
        var choice = new int[n]; // -3 none, -2 cellular, -1 satellite, n: networked from the root, j: networked from school j
        var best = double.PositiveInfinity;
        void Visit(int i)
        {
            if (i == n)
            {
                if (Valid()) best = Math.Min(best, Cost());
                return;
            }
            for (var c = -3; c <= n; c++) { choice[i] = c; Visit(i + 1); }
        }
        bool Valid()
        {
            for (var i = 0; i < n; i++)
            {
                var s = input.Schools[i];
                switch (choice[i])
                {
                    case -3 when rules.AnythingFeasible(s): return false;
                    case -2 when rules.Total(Technology.Cellular, s, 0) is null: return false;
                    case -1 when rules.Total(Technology.Satellite, s, 0) is null: return false;
                    case >= 0 when choice[i] == i || !rules.Eligible(net, s) || Hop(i) >= rules.MaximumM(net): return false;
                }
                for (int j = i, steps = 0; choice[j] >= 0 && choice[j] < n; j = choice[j])
                    if (++steps > n || choice[choice[j]] < 0) return false;
            }
            return true;
        }
        double Hop(int i)
        {
            var (lat, lon) = choice[i] == n ? root : (input.Schools[choice[i]].Lat, input.Schools[choice[i]].Lon);
            return rules.Metres(net, input.Schools[i].Lat, input.Schools[i].Lon, lat, lon);
        }
        double Cost() => Enumerable.Range(0, n).Sum(i => choice[i] switch
        {
            -3 => 0,
            -2 => rules.Total(Technology.Cellular, input.Schools[i], 0)!.Value,
            -1 => rules.Total(Technology.Satellite, input.Schools[i], 0)!.Value,
            _ => rules.Total(net, input.Schools[i], Hop(i))!.Value,
        });
        Visit(0);
        return best;
    }
}
