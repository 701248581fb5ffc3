using Dala.Fibre.Bench;
using Dala.Testing;

namespace Dala.Fibre.Tests;

public class BenchTests
{
    [Fact]
    public void A_file_is_solved_with_its_cost_bound_gap_and_time()
    {
        var row = SteinerBench.SolveFile(Path.Combine(SteinLib.Folder("B"), "b01.stp"), seconds: 5, seed: 3, optimum: 82);
        Assert.Equal(("b01.stp", 50, 63, 9, 82L), (row.Instance, row.Nodes, row.Edges, row.Terminals, row.Cost));
        Assert.Equal(82, row.LowerBound);
        Assert.Equal(0, row.GapPercent);
        Assert.Equal(0, row.BoundGapPercent);
        Assert.InRange(row.Seconds, 0, 5);
    }

    [Fact]
    public void The_table_has_one_row_per_instance_and_a_summary()
    {
        BenchRow[] rows =
        [
            new("x01.stp", 10, 20, 3, 100, 100, 100, 0.5, "optimal"),
            new("x02.stp", 10, 20, 3, 200, 202, 190, 1.25, "time") { CpuSeconds = 1.0, Work = 5000 },
            new("x03.stp", 10, 20, 3, null, 7, 7, 0.01, "exact"),
        ];
        var text = ResultsTable.Write(rows);
        Assert.Contains("| instance | n | m | t | opt | ours | gap % | bound | seconds | cpu s | work |", text, StringComparison.Ordinal);
        Assert.Contains("| x02.stp | 10 | 20 | 3 | 200 | 202 | 1.00 | 190 | 1.25 | 1.00 | 5000 |", text, StringComparison.Ordinal);
        Assert.Contains("| x03.stp | 10 | 20 | 3 | ? | 7 | ? | 7 | 0.01 |", text, StringComparison.Ordinal);
        Assert.Contains("3 instances: 1/2 at the known optimum, mean gap 0.500 %, 2 proven optimal by our bound, slowest 1.25 s, bounds above the optimum: 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Optima_read_by_column_name_and_bad_rows_are_named()
    {
        var optima = Optima.Read(new StringReader("opt,filename\n82,b01.stp\n"));
        Assert.Equal(82, optima["b01.stp"]);
        Assert.Equal("optima.csv:3: opt 'x' is not a whole number", Assert.Throws<FormatException>(() => Optima.Read(new StringReader("opt,filename\n1,a\nx,b\n"))).Message);
        Assert.Equal(58, SteinLib.Optima.Count);
    }

    [Fact]
    public void The_console_solves_a_file_or_a_folder_and_explains_bad_arguments()
    {
        using var temp = new TempDir();
        foreach (var f in new[] { "b01.stp", "b02.stp" }) File.Copy(Path.Combine(SteinLib.Folder("B"), f), temp.File(f));
        var (code, text, _) = Run(temp.File("b01.stp"), "--seconds", "5", "--seed", "2", "--optima", SteinLib.OptimaCsv);
        Assert.Equal(0, code);
        Assert.StartsWith("b01.stp: cost 82, lower bound 82, gap 0.00 %, 0.00 % above the optimum 82", text, StringComparison.Ordinal);
        (code, text, _) = Run(temp.Path, "--optima", SteinLib.OptimaCsv);
        Assert.Equal(0, code);
        Assert.Contains("| b02.stp | 50 | 63 | 13 | 83 | 83 | 0.00 | 83 |", text, StringComparison.Ordinal);
        (code, text, _) = Run(temp.File("b02.stp"), "--cpu-seconds", "5", "--optima", SteinLib.OptimaCsv);
        Assert.Equal(0, code);
        Assert.StartsWith("b02.stp: cost 83, lower bound 83", text, StringComparison.Ordinal);
        Assert.Contains("CPU s", text, StringComparison.Ordinal);
        (code, _, var error) = Run(temp.File("b02.stp"), "--seconds", "1", "--cpu-seconds", "1");
        Assert.Equal(2, code);
        Assert.Contains("give --seconds or --cpu-seconds, once", error, StringComparison.Ordinal);
        (code, _, error) = Run("--cpu-seconds", "0");
        Assert.Equal(2, code);
        Assert.Contains("--cpu-seconds needs a positive number", error, StringComparison.Ordinal);
        (code, _, error) = Run("--seconds", "x");
        Assert.Equal(2, code);
        Assert.Contains("--seconds needs a positive number", error, StringComparison.Ordinal);
        Assert.Contains(SteinerConsole.Usage, error, StringComparison.Ordinal);
        File.WriteAllText(temp.File("bad.stp"), "33D32945 STP File, STP Format Version 1.0\nSECTION Graph\nNodes 2\nE 1 3 1\n");
        (code, _, error) = Run(temp.File("bad.stp"));
        Assert.Equal((2, "bad.stp:4: node 3 is out of range 1..2"), (code, error.Trim()));
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SteinerConsole.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
