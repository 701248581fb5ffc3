using Dala.Registry.Model;
using Dala.Rollout.Phasing;
using Dala.Rollout.Planning;
using Dala.Rollout.Plans;

namespace Dala.Rollout.Tests.National;

/// <summary>The national plan: every rural settlement gets a technology and a year or a stated reason; the default budget meets the dated targets; a small one names what binds.</summary>
[Collection(NationalCollection.Name)]
public sealed class NationalPlanTests(NationalData data, ITestOutputHelper output)
{
    private RolloutPlan Plan(PlanRequest request)
    {
        var plan = NationalPlanner.Run(data.View, request, NationalData.Clock.Now);
        var s = plan.Summary;
        output.WriteLine($"NPV {s.TotalNpvTenge / 1e9:N2} bn, bound {s.LowerBoundTenge / 1e9:N2} bn, gap {s.Gap:P3}, targets met {s.TargetsMet}, {s.Seconds:N1} s");
        foreach (var t in s.Targets) output.WriteLine($"  {t.Id}: {t.Reached:P2} met {t.Met} {t.Binding}");
        return plan;
    }

    [Fact]
    public void With_the_default_budget_every_rural_settlement_is_planned_and_the_targets_are_met()
    {
        var plan = Plan(new PlanRequest());
        var s = plan.Summary;
        var rural = data.View.Snapshot.Settlements.Count(x => x.Kind.IsRural());
        Assert.Equal(rural, plan.Settlements.Count);
        Assert.All(plan.Settlements, l =>
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Reason));
            Assert.NotEqual("none", l.Technology);
            Assert.True(l.Year is not null || l.Option == "served", $"{l.SettlementId} has no year: {l.Reason}");
            Assert.True(l.Meets100Mbps, $"{l.SettlementId} does not reach 100 Mbit/s: {l.Reason}");
        });
        Assert.True(s.TargetsMet);
        Assert.All(s.Targets, t => Assert.True(t.Met && t.Reached >= t.Share - 1e-9, $"{t.Id}: {t.Reached:P2}"));
        Assert.Empty(s.Shortfalls);
        Assert.True(s.Gap <= 0.02, $"gap {s.Gap:P3}");
        Assert.True(s.LowerBoundTenge <= s.TotalNpvTenge);
        Assert.Equal(s.TotalNpvTenge, plan.Settlements.Sum(l => l.NpvTenge), 1e-6 * s.TotalNpvTenge);
        Assert.Equal(s.CapexTenge, plan.Settlements.Sum(l => l.CapexTenge), 1e-6 * s.CapexTenge);
        Assert.True(plan.Synthetic);
        Assert.Equal(s.Settlements, s.Technologies.Sum(t => t.Settlements));
        Assert.All(s.Years, y => Assert.True(y.BudgetTenge == 0 || y.CapexTenge <= y.BudgetTenge * (1 + 1e-9), $"{y.Year}: capex over the budget"));
        Assert.Contains(plan.Settlements, l => l.Technology == "fibre" && l.FibreParent is not null && l.FibreKm > 0);
        Assert.NotEmpty(plan.Fibre);
    }

    [Fact]
    public void With_a_budget_too_small_the_plan_names_the_binding_constraint_and_the_earliest_dates()
    {
        var plan = Plan(new PlanRequest { Phasing = new PhasingSettings { BudgetPerYear = 20e9 } });
        var s = plan.Summary;
        Assert.False(s.TargetsMet);
        var missed = s.Targets.Where(t => !t.Met).ToList();
        Assert.NotEmpty(missed);
        Assert.Contains(missed, t => t.Binding == "national capex budget");
        var budget = Assert.Single(s.Shortfalls, x => x.Constraint == "budget" && x.Year == 2027);
        Assert.True(budget.Needed > 0 && budget.Explanation.Contains("bn tenge", StringComparison.Ordinal));
        var late = plan.Settlements.Where(l => l.EarliestYear is not null).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, l =>
        {
            Assert.True(l.EarliestYear > 2027, $"{l.SettlementId}: earliest {l.EarliestYear}");
            Assert.Equal("national capex budget", l.Binding);
            Assert.Contains("earliest", l.Reason, StringComparison.Ordinal);
        });
        Assert.All(s.Years, y => Assert.True(y.CapexTenge <= y.BudgetTenge * (1 + 1e-9), $"{y.Year}: {y.CapexTenge:N0} over {y.BudgetTenge:N0}"));
        Assert.True(s.LowerBoundTenge < s.TotalNpvTenge, $"bound {s.LowerBoundTenge:N0}, NPV {s.TotalNpvTenge:N0}");
    }
}
