using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>A broken cost book or candidate-site file is refused with file, field and reason, exit 2, nothing planned or stored.</summary>
public sealed class PlanBadInputTests(PlanStoreFixture store) : IClassFixture<PlanStoreFixture>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args)
    {
        if (!File.Exists(_dir.File("kz.db"))) store.CopyTo(_dir.Path);
        return CliRun.In(_dir.Path, [.. args, "--store", "kz.db"]);
    }

    private void NothingKept()
    {
        Assert.False(File.Exists(_dir.File("plan.csv")));
        Assert.Contains("no plans", Run("plan", "list").Out);
    }

    [Fact]
    public void A_cost_book_with_a_bad_value_is_refused_naming_the_field()
    {
        var json = Run("plan", "costs", "--json").Out.Replace("\"value\": 467,", "\"value\": -467,", StringComparison.Ordinal);
        Assert.Contains("-467", json);
        _dir.Write("costs.json", json);
        var run = Run("plan", "national", "--region", "KZ-62", "--costs", "costs.json", "--out", "plan.csv");
        Assert.Equal(2, run.Exit);
        Assert.Contains("costs.json: items.leo_terminal.value: -467 is negative", run.Err);
        NothingKept();
    }

    [Fact]
    public void A_cost_book_that_is_not_json_is_refused_with_its_line()
    {
        _dir.Write("costs.json", "{\n  \"format\": \"dala-cost-book\",\n  oops\n}");
        var run = Run("plan", "national", "--region", "KZ-62", "--costs", "costs.json", "--out", "plan.csv");
        Assert.Equal(2, run.Exit);
        Assert.Contains("costs.json: (line 3): not valid JSON", run.Err);
        NothingKept();
    }

    [Fact]
    public void The_printed_cost_book_reads_back_and_plans()
    {
        _dir.Write("costs.json", Run("plan", "costs", "--json").Out);
        var run = Run("plan", "national", "--region", "KZ-62", "--costs", "costs.json", "--out", "plan.csv", "--no-save");
        Assert.True(run.Exit == 0, run.Err);
        var table = Run("plan", "costs");
        foreach (var id in new[] { "usd_kzt", "discount_rate", "fibre_per_km_paved_road", "leo_beam_capacity_mbps", "site_new" }) Assert.Contains(id, table.Out);
        Assert.Contains("Giga", table.Out);
    }

    [Fact]
    public void A_candidate_file_with_bad_rows_is_refused_naming_each()
    {
        _dir.Write("candidates.csv", "id,lon,lat,name\nc1,67.1,48.2,school\nc2,67.1,95,clinic\nc1,66,48,akimat\nc4,abc,48,post\n");
        var run = Run("plan", "national", "--region", "KZ-62", "--candidates", "candidates.csv", "--out", "plan.csv");
        Assert.Equal(2, run.Exit);
        Assert.Contains("candidates.csv:3: lat: 95 is outside -90..90", run.Err);
        Assert.Contains("candidates.csv:4: id: duplicate id 'c1' (first on line 2)", run.Err);
        Assert.Contains("candidates.csv:5: lon: 'abc' is not a number", run.Err);
        NothingKept();
    }

    [Fact]
    public void Offered_candidate_sites_are_used()
    {
        _dir.Write("candidates.csv", "id,lon,lat,name,synthetic\nschool-1,67.7,48.0,school,true\n");
        var run = Run("plan", "national", "--region", "KZ-62", "--candidates", "candidates.csv", "--out", "plan.csv", "--no-save");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("assumption: 1 candidate sites offered from a file", run.Out);
        Assert.True(File.Exists(_dir.File("plan.csv")));
    }
}
