using Dala.Rollout.Choice;
using Dala.Rollout.Costs;
using Dala.Rollout.Exact;
using Dala.Rollout.Options;

namespace Dala.Rollout.Tests.National;

/// <summary>
/// The exact check of the national heuristic: on the three largest regions with at most 300 settlements to serve
/// (KZ-35 Karaganda, KZ-31 Jambyl, KZ-11 Akmola), OR-Tools' MIP (SCIP) solves the technology choice to optimality;
/// the heuristic the planner uses is within 0.5% of it, and the Lagrangian lower bound is never above it.
/// </summary>
[Collection(NationalCollection.Name)]
public sealed class ExactCheckTests(NationalData data, ITestOutputHelper output)
{
    [Theory]
    [InlineData("KZ-35")]
    [InlineData("KZ-31")]
    [InlineData("KZ-11")]
    public void The_heuristic_is_within_half_a_percent_of_the_MIP_optimum(string region)
    {
        var inst = InstanceBuilder.Build(data.View, CostBook.Default, new BuildSettings { Region = region }).Choice;
        Assert.InRange(inst.Count, 150, 300);
        var heuristic = ChoiceHeuristic.Solve(inst);
        var bound = LagrangianBound.Compute(inst, heuristic, 60);
        var chosen = bound.Improved ?? heuristic;
        var mip = ChoiceMip.Solve(inst, TimeSpan.FromMinutes(5), chosen);
        output.WriteLine($"{region}: {inst.Count} settlements, {inst.Facilities.Length} facilities; heuristic {chosen.Cost:N0}, MIP {mip.Objective:N0} ({mip.Status}, {mip.Rounds} cut rounds), bound {bound.Value:N0}");
        Assert.True(mip.Optimal, $"the MIP did not prove optimality: {mip.Status}");
        Assert.NotNull(mip.Solution);
        Assert.Equal(mip.Objective, ChoiceSolution.CostOf(inst, mip.Solution!.Assigned, mip.Solution.TreeEdges), 6);
        Assert.True(chosen.Cost <= mip.Objective * 1.005, $"heuristic {chosen.Cost:N0} is more than 0.5% above the optimum {mip.Objective:N0}");
        Assert.True(chosen.Cost >= mip.Objective * (1 - 1e-9), "the heuristic cannot beat the proven optimum");
        Assert.True(bound.Value <= mip.Objective * (1 + 1e-9), $"the lower bound {bound.Value:N0} is above the optimum {mip.Objective:N0}");
        Assert.Equal(chosen.Cost, ChoiceSolution.CostOf(inst, chosen.Assigned, chosen.TreeEdges), 6);
    }
}
