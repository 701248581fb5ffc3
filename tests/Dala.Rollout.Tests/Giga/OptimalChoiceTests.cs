using Dala.Rollout.Giga;
using Dala.Rollout.Giga.Output;

namespace Dala.Rollout.Tests.Giga;

/// <summary>
/// Dala's optimum on every reference scenario, checked by the independent checker: feasible under the same rules, never dearer
/// than Giga's choice, proven within 0.1 %, and at least 1 % cheaper where fibre is cheap (s2, s3, s4).
/// </summary>
public sealed class OptimalChoiceTests
{
    [Theory]
    [InlineData("s1_default", 0.0)]
    [InlineData("s2_fibre_cheaper", 0.01)]
    [InlineData("s3_satellite_cheaper", 0.01)]
    [InlineData("s4_cellular_range_larger", 0.01)]
    [InlineData("s5_per_school_demand_no_new_power", 0.0)]
    [InlineData("s6_p2p_no_line_of_sight", 0.0)]
    public void Optimum_is_feasible_never_dearer_than_Giga_and_proven(string scenario, double leastSaving)
    {
        var input = GigaReference.Case;
        var config = GigaReference.Scenario(scenario);
        var run = GigaPlanner.Run(input, config, ChoiceMode.Optimal);
        var optimal = PlanChecker.Check(Csv(run.Plan), input, config);
        var giga = PlanChecker.Check(Csv(run.Giga), input, config);
        Assert.Equal(run.Plan.Total, optimal, 1e-6 * optimal);
        Assert.Equal(run.Giga.Total, giga, 1e-6 * giga);
        Assert.True(optimal <= giga * (1 + 1e-9), $"optimal {optimal} costs more than Giga's {giga}");
        Assert.True(optimal <= giga * (1 - leastSaving), $"optimal {optimal} is not {leastSaving:P0} below Giga's {giga}");
        var report = run.Report!;
        Assert.InRange(report.LowerBound, 0, Math.Min(optimal, run.Plan.Total));
        Assert.True((optimal - report.LowerBound) / optimal <= 0.001, $"gap {(optimal - report.LowerBound) / optimal:P4} above 0.1 %");
    }

    private static string Csv(Dala.Rollout.Giga.Choice.GigaPlan plan)
    {
        using var w = new StringWriter();
        PlanCsvWriter.Write(w, plan);
        return w.ToString();
    }
}
