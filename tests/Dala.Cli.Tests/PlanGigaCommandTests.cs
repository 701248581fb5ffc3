using System.Globalization;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala plan giga: Giga's choice reproduced on s1, the optimum with its bound on s2, and bad input refused unwritten.</summary>
public sealed class PlanGigaCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Inputs => SharedData.Reference("giga/inputs");

    private static string Config(string name) => SharedData.Reference($"giga/configs/{name}.json");

    [Fact]
    public void Giga_choice_on_s1_writes_Gigas_choice_and_costs_and_ends_with_the_total()
    {
        var run = CliRun.In(_dir.Path, "plan", "giga", "--inputs", Inputs, "--config", Config("s1_default"), "--choice", "giga", "--out", "s1.csv");
        Assert.True(run.Exit == 0, run.Err);
        var ours = Rows(_dir.File("s1.csv"));
        var giga = Rows(SharedData.Reference("giga/expected/s1_default.csv"));
        Assert.Equal(giga.Select(r => (r["school_id"], r["technology"])), ours.Select(r => (r["school_id"], r["technology"])));
        foreach (var (e, o) in giga.Zip(ours))
            foreach (var c in new[] { "total_cost", "fiber_total_cost", "cellular_total_cost", "satellite_total_cost" })
                Assert.Equal(e[c], o[c]);
        Assert.All(ours, r => Assert.Equal("", r["p2p_total_cost"]));
        var lines = Lines(run.Out);
        Assert.StartsWith("total: ", lines[^1]);
        Assert.Equal(ours.Sum(r => double.Parse(r["total_cost"], CultureInfo.InvariantCulture)), Value(lines[^1]), 1e-3);
        Assert.DoesNotContain("lower_bound", run.Out);
    }

    [Fact]
    public void Optimal_choice_on_s2_is_cheaper_than_Gigas_and_ends_with_total_and_lower_bound()
    {
        var giga = CliRun.In(_dir.Path, "plan", "giga", "--inputs", Inputs, "--config", Config("s2_fibre_cheaper"), "--out", "giga.csv");
        var run = CliRun.In(_dir.Path, "plan", "giga", "--inputs", Inputs, "--config", Config("s2_fibre_cheaper"), "--choice", "optimal", "--out", "opt.csv");
        Assert.True(run.Exit == 0, run.Err);
        var lines = Lines(run.Out);
        Assert.StartsWith("total: ", lines[^2]);
        Assert.StartsWith("lower_bound: ", lines[^1]);
        var total = Value(lines[^2]);
        var bound = Value(lines[^1]);
        Assert.InRange(bound, total * (1 - 0.001), total);
        Assert.True(total <= Value(Lines(giga.Out)[^1]) * 0.99);
        var rows = Rows(_dir.File("opt.csv"));
        Assert.Equal(120, rows.Count);
        Assert.Equal(rows.Sum(r => double.Parse(r["total_cost"], CultureInfo.InvariantCulture)), total, 1e-3);
        Assert.All(rows.Where(r => r["technology"] == "Fiber"), r => Assert.NotEqual("", r["parent"]));
    }

    [Theory]
    [InlineData("\"years_opex\": 6,", "", "s.json: $.scenario_parameters.years_opex: missing")]
    [InlineData("\"cost_per_km\": 5500.0,", "\"cost_per_km\": \"cheap\",", "s.json: $.scenario_parameters.technologies[0].capex.cost_per_km: expected a number")]
    [InlineData("\"years_opex\": 6,", "\"years_opex\": 6,,", "s.json: $: not valid JSON (line 97")]
    public void A_broken_config_is_refused_naming_path_and_reason_and_nothing_is_written(string find, string replace, string message)
    {
        var text = File.ReadAllText(Config("s1_default"));
        Assert.Contains(find, text);
        var config = _dir.Write("s.json", text.Replace(find, replace, StringComparison.Ordinal));
        var run = CliRun.In(_dir.Path, "plan", "giga", "--inputs", Inputs, "--config", config, "--choice", "optimal", "--out", "out.csv");
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains(message, run.Err);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.csv"));
    }

    [Fact]
    public void A_bad_row_or_a_missing_file_is_refused_with_file_and_line_or_path_and_nothing_is_written()
    {
        var inputs = Directory.CreateDirectory(_dir.File("in")).FullName;
        foreach (var f in Directory.GetFiles(Inputs)) File.Copy(f, Path.Combine(inputs, Path.GetFileName(f)));
        var schools = File.ReadAllLines(Path.Combine(inputs, "schools.csv"));
        schools[7] = schools[7].Replace(",True,", ",perhaps,", StringComparison.Ordinal).Replace(",False,", ",perhaps,", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(inputs, "schools.csv"), schools);
        var good = File.ReadAllText(Path.Combine(Inputs, "schools.csv"));
        var run = CliRun.In(_dir.Path, "plan", "giga", "--inputs", inputs, "--config", Config("s1_default"), "--out", "out.csv");
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains("schools.csv:8: has_electricity: 'perhaps' is not True or False", run.Err);
        File.WriteAllText(Path.Combine(inputs, "schools.csv"), good);
        File.Delete(Path.Combine(inputs, "cell_towers.csv"));
        var missing = CliRun.In(_dir.Path, "plan", "giga", "--inputs", inputs, "--config", Config("s1_default"), "--out", "out.csv");
        Assert.Equal(ExitCodes.Rejected, missing.Exit);
        Assert.Contains(Path.Combine(inputs, "cell_towers.csv") + ": file not found", missing.Err);
        var noConfig = CliRun.In(_dir.Path, "plan", "giga", "--inputs", Inputs, "--config", "nowhere.json", "--out", "out.csv");
        Assert.Equal(ExitCodes.Rejected, noConfig.Exit);
        Assert.Contains(_dir.File("nowhere.json") + ": file not found", noConfig.Err);
        Assert.False(File.Exists(_dir.File("out.csv")));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    private static double Value(string line) => double.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
