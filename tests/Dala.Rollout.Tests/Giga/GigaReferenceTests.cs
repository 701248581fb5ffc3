using System.Globalization;
using Dala.Rollout.Giga;
using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;
using Dala.Rollout.Giga.Output;

namespace Dala.Rollout.Tests.Giga;

/// <summary>Scenario s1 against Giga's own output: the network it grew, every candidate cost and its choice.</summary>
public sealed class GigaReferenceTests
{
    [Fact]
    public void S1_with_Gigas_choice_matches_Gigas_output_school_by_school()
    {
        var run = GigaPlanner.Run(GigaReference.Case, GigaReference.Scenario("s1_default"), ChoiceMode.Giga);
        using var text = new StringWriter();
        PlanCsvWriter.Write(text, run.Plan);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text.ToString());
            var ours = GigaReference.Table(path);
            var expected = GigaReference.Table(GigaReference.Expected("s1_default"));
            Assert.Equal(expected.Select(r => r["school_id"]), ours.Select(r => r["school_id"]));
            foreach (var (e, o) in expected.Zip(ours))
            {
                Assert.Equal(e["technology"], o["technology"]);
                foreach (var column in new[] { "total_cost", "fiber_total_cost", "cellular_total_cost", "satellite_total_cost" })
                    Close(e[column], o[column], $"{e["school_id"]} {column}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void S1_fibre_network_is_Gigas_tree_edge_by_edge()
    {
        var costs = CaseCosts.Run(GigaReference.Case, GigaReference.Scenario("s1_default"));
        var links = costs.Of(Technology.Fiber)!.Network.ToDictionary(l => GigaReference.Case.Schools[l.School].Id);
        foreach (var e in GigaReference.Table(GigaReference.Expected("s1_default")))
        {
            var link = links[e["school_id"]];
            Assert.Equal(e["fibre_tree_parent"], link.ParentId);
            Assert.Equal(e["fibre_tree_root"], link.RootId);
            Close(e["fibre_tree_edge_m"], link.DistanceM.ToString("R", CultureInfo.InvariantCulture), e["school_id"]);
        }
    }

    private static void Close(string expected, string actual, string what)
    {
        Assert.True(expected.Length == 0 == (actual.Length == 0), $"{what}: expected '{expected}', got '{actual}'");
        if (expected.Length == 0) return;
        var e = double.Parse(expected, CultureInfo.InvariantCulture);
        var a = double.Parse(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(e - a) <= 1e-6 * Math.Max(1, Math.Abs(e)), $"{what}: expected {expected}, got {actual}");
    }
}
