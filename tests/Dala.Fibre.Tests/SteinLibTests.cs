using Dala.Fibre.Bench;
using Dala.Fibre.Bounds;
using Dala.Fibre.Steiner;
using Dala.Fibre.Stp;

namespace Dala.Fibre.Tests;

/// <summary>
/// SteinLib B, C and D against their known optima. B and C must be solved to optimality; D to a mean gap of at
/// most 0.5 %. Every instance within 10 s, and no lower bound may ever exceed the optimum.
/// </summary>
[Collection("SteinLib")]
public class SteinLibTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("B")]
    [InlineData("C")]
    [InlineData("D")]
    public void Dual_ascent_never_bounds_above_the_known_optimum(string group)
    {
        foreach (var file in SteinLib.Files(group))
        {
            var stp = StpReader.ReadFile(file);
            var inst = Instance.Of(stp.Graph, stp.Terminals);
            var optimum = SteinLib.Optima[Path.GetFileName(file)];
            foreach (var root in inst.Terminals.Take(3))
            {
                var bound = DualAscent.Run(inst, root).LowerBound;
                Assert.True(bound <= optimum, $"{Path.GetFileName(file)} from root {root}: {bound} > {optimum}");
                Assert.True(bound >= 0.9 * optimum, $"{Path.GetFileName(file)}: bound {bound} is weak against {optimum}");
            }
        }
    }

    [Fact]
    public void Every_B_instance_is_solved_to_its_optimum_at_the_default_budget()
    {
        var rows = SteinerBench.RunFolder(SteinLib.Folder("B"), SteinLib.OptimaCsv);
        output.WriteLine(ResultsTable.Write(rows));
        Assert.Equal(18, rows.Count);
        Assert.All(rows, r => Assert.True(r.Cost == r.Optimum, $"{r.Instance}: {r.Cost} vs {r.Optimum}"));
        Assert.All(rows, r => Assert.True(r.LowerBound <= r.Optimum && r.LowerBound == r.Cost, $"{r.Instance}: bound {r.LowerBound}"));
        Assert.All(rows, r => Assert.True(r.Seconds < 10, $"{r.Instance}: {r.Seconds:0.0} s"));
    }

    [Fact]
    public void Every_C_instance_is_solved_to_its_optimum_at_the_default_budget()
    {
        var rows = SteinerBench.RunFolder(SteinLib.Folder("C"), SteinLib.OptimaCsv);
        output.WriteLine(ResultsTable.Write(rows));
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.False(r.BoundAboveOptimum, $"{r.Instance}: bound {r.LowerBound} > {r.Optimum}"));
        Assert.All(rows, r => Assert.True(r.Cost == r.Optimum, $"{r.Instance}: {r.Cost} vs {r.Optimum}"));
        Assert.All(rows, r => Assert.True(r.Seconds < 10, $"{r.Instance}: {r.Seconds:0.0} s"));
    }

    [Fact]
    public void The_D_instances_are_solved_within_half_a_percent_on_average_at_the_default_budget()
    {
        var rows = SteinerBench.RunFolder(SteinLib.Folder("D"), SteinLib.OptimaCsv);
        output.WriteLine(ResultsTable.Write(rows));
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.False(r.BoundAboveOptimum, $"{r.Instance}: bound {r.LowerBound} > {r.Optimum}"));
        Assert.All(rows, r => Assert.True(r.Cost >= r.Optimum, $"{r.Instance}: {r.Cost} below the optimum {r.Optimum}"));
        Assert.True(rows.Average(r => r.GapPercent!.Value) <= 0.5, ResultsTable.Summary(rows));
        Assert.All(rows, r => Assert.True(r.Seconds < 10, $"{r.Instance}: {r.Seconds:0.0} s"));
    }
}
