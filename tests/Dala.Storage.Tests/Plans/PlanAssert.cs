using System.Text.Json;
using System.Text.Json.Serialization;
using Dala.Rollout.Plans;

namespace Dala.Storage.Tests.Plans;

/// <summary>Two plans are the same: every field, every list in order, every double to the bit, the creation instant to the tick.</summary>
public static class PlanAssert
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Same(RolloutPlan expected, RolloutPlan actual)
    {
        Assert.Equal((expected.Id, expected.Name, expected.Synthetic, expected.InputsJson), (actual.Id, actual.Name, actual.Synthetic, actual.InputsJson));
        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
        var (e, a) = (expected.Summary, actual.Summary);
        Assert.Equal(e.Technologies, a.Technologies);
        Assert.Equal(e.Years, a.Years);
        Assert.Equal(e.RegionYears, a.RegionYears);
        Assert.Equal(e.Targets, a.Targets);
        Assert.Equal(e.Shortfalls, a.Shortfalls);
        Assert.Equal(e.Assumptions, a.Assumptions);
        Assert.Equal(e with { Technologies = a.Technologies, Years = a.Years, RegionYears = a.RegionYears, Targets = a.Targets,
                              Shortfalls = a.Shortfalls, Assumptions = a.Assumptions }, a);
        Assert.Equal(expected.Settlements, actual.Settlements);
        Assert.Equal(expected.Fibre, actual.Fibre);
        Assert.Equal(expected.Sites, actual.Sites);
        Assert.Equal(expected.Sensitivity, actual.Sensitivity);
        // Record equality takes 0.0 for -0.0; the shortest round-trip text of every double tells them apart.
        Assert.True(Json(expected) == Json(actual), "the plans differ in the bits of a double");
    }

    private static string Json(RolloutPlan p) => JsonSerializer.Serialize(p with { CreatedAt = default }, Exact);
}
