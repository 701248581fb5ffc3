using System.Text.Json;
using Dala.Rollout.Plans;
using Dala.Web.Dto;

namespace Dala.Web.Tests;

/// <summary>Numbers that are not finite (an infeasible re-plan, a share of nothing) become null, so the JSON stays valid.</summary>
public class PlanDtoTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Non_finite_numbers_become_null()
    {
        var summary = new PlanSummary("least-cost", new DateOnly(2026, 11, 21), 2026, 2027, 1, 100, double.PositiveInfinity, double.NaN, 5, double.NaN, false,
            [new TechnologyTotal("leo", 1, 100, double.NaN, 1)],
            [new PlanYear(2027, 1, 5, 0, 0, 0, double.PositiveInfinity, 0, 0, 0, 0, double.NaN, double.NaN)],
            [new RegionYearCost("KZ-62", 2027, "leo", double.NegativeInfinity, 1)],
            [new TargetOutcome("t", "t", "broadband", 0.9, new DateOnly(2026, 12, 31), double.NaN, false, "budget")],
            [new Shortfall("permit", "KZ-62", 2026, double.PositiveInfinity, 0, "months", "no resource relaxes a permit")],
            [], "proxy", 1.5);
        var line = new SettlementPlan("osm-1", "Aul", "KZ-62", 67, 48, 100, true, "leo", "leo", null, double.NaN, 0, double.NaN, true, double.PositiveInfinity,
            "reason", null, null, 0, null, null, null, null);
        var plan = new RolloutPlan(7, "nan", DateTimeOffset.UnixEpoch, true, "{\"name\":\"nan\"}", summary, [line], [], [],
            [new SensitivityBar("take_up", "Take-up", 0.48, 0.72, double.NaN, double.PositiveInfinity, 1)]);

        var detail = JsonDocument.Parse(JsonSerializer.Serialize(plan.ToDetailDto(), Web)).RootElement;
        var s = detail.GetProperty("summary");
        Assert.Equal(JsonValueKind.Null, s.GetProperty("totalNpvTenge").ValueKind);
        Assert.Equal(JsonValueKind.Null, s.GetProperty("lowerBoundTenge").ValueKind);
        Assert.Equal(JsonValueKind.Null, s.GetProperty("years")[0].GetProperty("budgetTenge").ValueKind);
        Assert.Equal(JsonValueKind.Null, s.GetProperty("targets")[0].GetProperty("reached").ValueKind);
        Assert.Equal(JsonValueKind.Null, s.GetProperty("shortfalls")[0].GetProperty("needed").ValueKind);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("sensitivity")[0].GetProperty("npvHighTenge").ValueKind);
        Assert.Equal("nan", detail.GetProperty("inputs").GetProperty("name").GetString());
        Assert.Equal(5, s.GetProperty("capexTenge").GetDouble());
        var header = JsonDocument.Parse(JsonSerializer.Serialize(plan.ToHeaderDto(), Web)).RootElement;
        Assert.Equal(JsonValueKind.Null, header.GetProperty("totalNpvTenge").ValueKind);
        var l = JsonDocument.Parse(JsonSerializer.Serialize(line.ToDto(), Web)).RootElement;
        Assert.Equal(JsonValueKind.Null, l.GetProperty("capexTenge").ValueKind);
        Assert.Equal(JsonValueKind.Null, l.GetProperty("busyHourMbpsPerSubscriber").ValueKind);
        var c = JsonDocument.Parse(JsonSerializer.Serialize(PlanComparison.Of(plan, plan with { Id = 8 }).ToDto(), Web)).RootElement;
        Assert.Equal(JsonValueKind.Null, c.GetProperty("npvDifferenceTenge").ValueKind);
    }
}
