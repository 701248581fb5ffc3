using Dala.Fibre.Graphs;
using Dala.Fibre.Stp;
using Dala.Testing;

namespace Dala.Fibre.Tests;

public class StpWriterTests
{
    private static void AssertSame(StpInstance a, StpInstance b)
    {
        Assert.Equal(a.Graph.NodeCount, b.Graph.NodeCount);
        Assert.Equal(Enumerable.Range(0, a.Graph.EdgeCount).Select(a.Graph.Edge), Enumerable.Range(0, b.Graph.EdgeCount).Select(b.Graph.Edge));
        Assert.Equal(a.Terminals.ToArray(), b.Terminals.ToArray());
        Assert.Equal(a.Comment.ToArray(), b.Comment.ToArray());
        Assert.Equal(a.Root, b.Root);
        Assert.Equal(Enumerable.Range(0, a.Graph.NodeCount).Select(a.Graph.Coordinate), Enumerable.Range(0, b.Graph.NodeCount).Select(b.Graph.Coordinate));
    }

    [Fact]
    public void Every_B_file_round_trips()
    {
        foreach (var file in Directory.GetFiles(SharedData.Reference("steinlib/B"), "*.stp"))
        {
            var read = StpReader.ReadFile(file);
            AssertSame(read, StpReader.Read(new StringReader(StpWriter.Write(read))));
        }
    }

    [Fact]
    public void Coordinates_a_root_and_real_costs_round_trip_with_the_cost_scale()
    {
        var b = new GraphBuilder(3, costScale: 1000);
        b.AddEdgeReal(0, 1, 12.345);
        b.AddEdgeReal(1, 2, 0.001);
        b.SetCoordinate(0, 71.43, 51.13).SetCoordinate(1, 76.95, 43.25).SetCoordinate(2, -0.5, 1e-7);
        var written = new StpInstance(b.Build(), [1, 2], [new StpField("Name", "Astana \"ring\""), new StpField("Creator", "Dala")], Root: 1);
        var text = StpWriter.Write(written);
        Assert.Contains("E 1 2 12.345", text, StringComparison.Ordinal);
        Assert.Contains("Root 2", text, StringComparison.Ordinal);
        var read = StpReader.Read(new StringReader(text), costScale: 1000);
        AssertSame(written with { Comment = [new StpField("Name", "Astana 'ring'"), new StpField("Creator", "Dala")] }, read);
        Assert.Equal(12_345, read.Graph.Cost(0));
    }
}
