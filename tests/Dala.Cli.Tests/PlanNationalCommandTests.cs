using System.Text.RegularExpressions;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala plan national|list|show|compare|costs on a store made by the CLI; one small region keeps each plan to about a second.</summary>
public sealed partial class PlanNationalCommandTests(PlanStoreFixture store) : IClassFixture<PlanStoreFixture>, IDisposable
{
    private const string Region = "KZ-62";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args)
    {
        if (!File.Exists(_dir.File("kz.db"))) store.CopyTo(_dir.Path);
        return CliRun.In(_dir.Path, [.. args, "--store", "kz.db"]);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void A_regional_plan_writes_the_pinned_csv_is_kept_and_ends_with_the_npv_and_the_bound()
    {
        var run = Run("plan", "national", "--region", Region, "--out", "plan.csv", "--geojson", "plan.geojson", "--name", "ulytau");
        Assert.True(run.Exit == 0, run.Err + run.Out);
        var lines = Lines(run.Out);
        var npv = TotalRe().Match(lines[^2]);
        var bound = BoundRe().Match(lines[^1]);
        Assert.True(npv.Success && bound.Success, run.Out);
        Assert.True(long.Parse(bound.Groups[1].Value) <= long.Parse(npv.Groups[1].Value));
        Assert.Contains("SYNTHETIC", run.Out);
        Assert.Contains("target met", run.Out);
        var csv = File.ReadAllLines(_dir.File("plan.csv"));
        Assert.StartsWith("settlement_id,technology,year,capex_tenge,opex_tenge_per_year,meets_100mbps,reason,", csv[0]);
        Assert.True(csv.Length > 50, $"{csv.Length} lines");
        Assert.All(csv.Skip(1), l => Assert.EndsWith(",true", l));
        Assert.Contains("\"FeatureCollection\"", File.ReadAllText(_dir.File("plan.geojson")));

        var list = Run("plan", "list");
        Assert.Contains("ulytau", list.Out);
        Assert.Contains("SYNTHETIC", list.Out);
        var id = IdRe().Match(list.Out).Groups[1].Value;
        var show = Run("plan", "show", id, "--out", "again.csv");
        Assert.True(show.Exit == 0, show.Err);
        Assert.Equal(File.ReadAllText(_dir.File("plan.csv")), File.ReadAllText(_dir.File("again.csv")));
        Assert.Equal(lines[^2], Lines(show.Out)[^2]);
    }

    [Fact]
    public void Two_plans_are_compared_and_a_budget_too_small_names_what_binds()
    {
        Assert.Equal(0, Run("plan", "national", "--region", Region, "--out", "a.csv", "--name", "roomy").Exit);
        var tight = Run("plan", "national", "--region", Region, "--out", "b.csv", "--name", "tight", "--budget-per-year", "2e8");
        Assert.True(tight.Exit == 0, tight.Err);
        Assert.Contains("NOT MET", tight.Out);
        Assert.Contains("binds: national capex budget", tight.Out);
        Assert.Contains("to meet it:", tight.Out);
        Assert.Matches(@"late: [0-9,]+ settlements miss the date; earliest years 20[0-9]{2}", tight.Out);
        var lines = Lines(tight.Out);
        // the bound covers every year the late plan runs to, so it stays below a plan that is not proven optimal
        Assert.True(long.Parse(BoundRe().Match(lines[^1]).Groups[1].Value) < long.Parse(TotalRe().Match(lines[^2]).Groups[1].Value), tight.Out);
        var compare = Run("plan", "compare", "1", "2");
        Assert.True(compare.Exit == 0, compare.Err);
        Assert.Contains("A: #1 'roomy'", compare.Out);
        Assert.Contains("B: #2 'tight'", compare.Out);
        Assert.Matches(@"settlements planned differently: [1-9]", compare.Out);
    }

    [Fact]
    public void Constraints_that_allow_nothing_get_a_clear_answer_not_a_crash()
    {
        var run = Run("plan", "national", "--region", Region, "--out", "none.csv", "--budget-per-year", "0",
            "--fibre-km-per-region-year", "0", "--sites-per-region-year", "0", "--permit-months", "120");
        Assert.True(run.Exit == 0, run.Err + run.Out);
        Assert.Contains("NOT MET", run.Out);
        Assert.Matches(@"lower_bound_tenge: [0-9]+\s*$", run.Out);
        Assert.Contains("cannot be placed within", File.ReadAllText(_dir.File("none.csv")));
    }

    [Fact]
    public void A_regional_budget_binds_by_name_and_an_unknown_region_is_refused()
    {
        var run = Run("plan", "national", "--region", Region, "--out", "r.csv", "--no-save", "--region-budget-per-year", $"{Region}=1e8");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains($"binds: capex budget of {Region}", run.Out);
        Assert.Contains($"to meet it: mbps100-2027: {Region} would spend", run.Out);
        var bad = Run("plan", "national", "--region", Region, "--out", "r.csv", "--no-save", "--region-budget-per-year", "KZ-99=1e8");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("unknown region 'KZ-99'", bad.Err);
    }

    [GeneratedRegex(@"^total_npv_tenge: ([0-9]+)$")]
    private static partial Regex TotalRe();

    [GeneratedRegex(@"^lower_bound_tenge: ([0-9]+)$")]
    private static partial Regex BoundRe();

    [GeneratedRegex(@"^\s*([0-9]+)\s+ulytau", RegexOptions.Multiline)]
    private static partial Regex IdRe();
}
