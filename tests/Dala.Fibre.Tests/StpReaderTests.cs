using Dala.Fibre.Stp;

namespace Dala.Fibre.Tests;

/// <summary>The STP reader: SteinLib's files, keys it does not know, and every malformed case with its line.</summary>
public class StpReaderTests
{
    private const string Header = "33D32945 STP File, STP Format Version 1.0";

    private static StpInstance Read(string text) => StpReader.Read(new StringReader(text), "t.stp");

    private static StpFormatException Error(string text) => Assert.Throws<StpFormatException>(() => Read(text));

    private static string File(string graph, string terminals = "Terminals 2\nT 1\nT 3", string extra = "") =>
        $"{Header}\n\nSECTION Comment\nName \"tiny\"\nEND\n\nSECTION Graph\n{graph}\nEND\n\nSECTION Terminals\n{terminals}\nEND\n{extra}\nEOF\n";

    private const string Triangle = "Nodes 3\nEdges 3\nE 1 2 4\nE 2 3 5\nE 1 3 10";

    [Fact]
    public void A_small_file_reads_with_zero_based_nodes()
    {
        var s = Read(File(Triangle));
        Assert.Equal("tiny", s.Name);
        Assert.Equal((3, 3), (s.Graph.NodeCount, s.Graph.EdgeCount));
        Assert.Equal(new Graphs.Edge(0, 1, 4), s.Graph.Edge(0));
        Assert.Equal([0, 2], s.Terminals.ToArray());
        Assert.False(s.Graph.HasCoordinates);
    }

    [Fact]
    public void The_Optimal_line_and_other_unknown_keys_and_sections_are_skipped()
    {
        var s = Read(File("Optimal 82\nNodes 3\nObstacles 0\nEdges 3\nE 1 2 4\nE 2 3 5 # a comment\nE 1 3 10",
            "Terminals 2\nT 1\nT 3\nTP 3 7", "\nSECTION MaximumDegrees\nMD 1 2\nEND\n"));
        Assert.Equal(3, s.Graph.EdgeCount);
        Assert.Equal(2, s.Terminals.Length);
    }

    [Fact]
    public void Coordinates_and_a_root_are_read()
    {
        var s = Read(File(Triangle, "Terminals 1\nRoot 2\nT 3", "\nSECTION Coordinates\nDD 1 10 20\nDD 2 30 40\nDD 3 -1.5 2e3\nEND\n"));
        Assert.Equal(new Graphs.Coordinate(-1.5, 2000), s.Graph.Coordinate(2));
        Assert.Equal(1, s.Root);
        Assert.Equal([1, 2], s.Terminals.ToArray());
    }

    [Fact]
    public void Every_SteinLib_file_reads_with_its_declared_size()
    {
        var optima = Bench.Optima.Read(Testing.SharedData.Reference("steinlib/optima.csv"));
        var rows = System.IO.File.ReadAllLines(Testing.SharedData.Reference("steinlib/optima.csv")).Skip(1).Select(l => l.Split(','));
        foreach (var r in rows)
        {
            var s = StpReader.ReadFile(Testing.SharedData.Reference($"steinlib/{r[0]}/{r[1]}"));
            Assert.Equal((int.Parse(r[2]), int.Parse(r[3]), int.Parse(r[4])), (s.Graph.NodeCount, s.Graph.EdgeCount, s.Terminals.Length));
        }
        Assert.Equal(58, optima.Count);
    }

    [Theory]
    [InlineData("33D32945 STP File\n", "t.stp:2: unexpected end of file: the file is truncated (no EOF line)")]
    [InlineData("", "t.stp:1: empty file: expected the header '33D32945 STP File, STP Format Version 1.0'")]
    [InlineData("STP File 1.0\nEOF\n", "t.stp:1: not an STP file: the header must be '33D32945 STP File, STP Format Version 1.0', not 'STP File 1.0'")]
    public void A_missing_or_wrong_header_or_an_empty_file_is_named(string text, string message) =>
        Assert.Equal(message, Error(text).Message);

    [Fact]
    public void A_missing_section_is_reported_at_EOF()
    {
        Assert.Equal("t.stp:2: missing SECTION Graph", Error($"{Header}\nEOF\n").Message);
        var e = Error($"{Header}\nSECTION Graph\nNodes 2\nEdges 1\nE 1 2 3\nEND\nEOF\n");
        Assert.Equal((7, "missing SECTION Terminals"), (e.Line, e.Problem));
    }

    [Fact]
    public void An_edge_to_a_node_out_of_range_names_its_line()
    {
        var e = Error(File("Nodes 3\nEdges 2\nE 1 2 4\nE 2 4 5"));
        Assert.Equal("t.stp:11: node 4 is out of range 1..3", e.Message);
        Assert.Equal(11, Error(File("Nodes 3\nEdges 2\nE 1 2 4\nE 0 2 5")).Line);
    }

    [Fact]
    public void A_negative_or_non_numeric_weight_names_its_line()
    {
        Assert.Equal("t.stp:10: negative weight -4", Error(File("Nodes 3\nEdges 1\nE 1 2 -4")).Message);
        Assert.Equal("t.stp:10: 'x' is not a number", Error(File("Nodes 3\nEdges 1\nE 1 2 x")).Message);
        Assert.Equal("t.stp:10: weight 1.5 × cost scale 1 is not a whole number of cost units", Error(File("Nodes 3\nEdges 1\nE 1 2 1.5")).Message);
    }

    [Fact]
    public void A_fractional_weight_reads_with_a_cost_scale()
    {
        var s = StpReader.Read(new StringReader(File("Nodes 3\nEdges 1\nE 1 2 1.5")), "t.stp", costScale: 10);
        Assert.Equal(15, s.Graph.Cost(0));
        Assert.Equal(1.5, s.Graph.RealCost(s.Graph.Cost(0)));
    }

    [Fact]
    public void A_duplicate_terminal_names_its_line() =>
        Assert.Equal("t.stp:19: terminal 3 is listed twice", Error(File(Triangle, "Terminals 3\nT 1\nT 3\nT 3")).Message);

    [Fact]
    public void Counts_that_disagree_with_the_lines_are_named()
    {
        Assert.Equal("t.stp:9: Edges says 4 but the section has 3 E lines", Error(File(Triangle.Replace("Edges 3", "Edges 4", StringComparison.Ordinal))).Message);
        Assert.Equal("t.stp:16: Terminals says 3 but the section has 2 T lines", Error(File(Triangle, "Terminals 3\nT 1\nT 3")).Message);
    }

    [Fact]
    public void A_truncated_file_names_the_open_section()
    {
        var e = Error($"{Header}\n\nSECTION Graph\nNodes 3\nEdges 3\nE 1 2 4\n");
        Assert.Equal("t.stp:7: unexpected end of file inside SECTION Graph opened at line 3: the file is truncated", e.Message);
        Assert.Equal("t.stp:5: SECTION Graph opened at line 3 is not closed with END", Error($"{Header}\n\nSECTION Graph\nNodes 3\nSECTION Terminals\n").Message);
    }

    [Fact]
    public void Directed_arcs_and_misplaced_lines_are_rejected_clearly()
    {
        Assert.Equal("t.stp:9: directed arcs (Arcs/A) are not supported: this reader takes undirected Steiner problems (E lines)", Error(File("Nodes 3\nArcs 1\nA 1 2 3")).Message);
        Assert.Equal("t.stp:9: an E line before the Nodes line", Error(File("Edges 1\nE 1 2 3")).Message);
        Assert.Equal("t.stp:10: an E line needs 'E u v weight', not 2 values", Error(File("Nodes 3\nEdges 1\nE 1 2")).Message);
        Assert.Equal("t.stp:2: SECTION Terminals before SECTION Graph", Error($"{Header}\nSECTION Terminals\nT 1\nEND\nEOF\n").Message);
        Assert.Equal("t.stp:2: expected 'SECTION name' or 'EOF', not 'Nodes 3'", Error($"{Header}\nNodes 3\n").Message);
    }
}
