using System.Text.RegularExpressions;
using Dala.Registry.Indicators;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala indicators seed | list, dala import indicators (ours and Ookla's), dala report.</summary>
public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.In(_dir.Path, [.. args, "--store", "kz.db"]);

    [Fact]
    public void Seed_stores_the_cited_default_set_once()
    {
        var first = Run("indicators", "seed");
        Assert.True(first.Exit == 0, first.Err);
        Assert.Contains($"{DefaultIndicators.Indicators.Count} indicators and {DefaultIndicators.Points.Count} values new or changed", first.Out);
        Assert.Contains($"0 indicators and 0 values new or changed, {DefaultIndicators.Points.Count} values unchanged", Run("indicators", "seed").Out);
        var list = Run("indicators", "list");
        Assert.Equal(0, list.Exit);
        Assert.Contains("internet-users", list.Out);
        Assert.Contains("7,900", list.Out);
    }

    [Fact]
    public void The_ookla_file_imports_as_indicators_with_exit_0_and_every_row_used()
    {
        var path = SharedData.Kz("ookla-kz-country-quarterly.csv");
        var rows = File.ReadAllLines(path).Skip(1).Count(l => l.Trim().Length > 0);
        var r = Run("import", "indicators", path);
        Assert.True(r.Exit == 0, r.Err + r.Out);
        Assert.Matches(new Regex($@"read\s+{rows}\b"), r.Out);
        Assert.Matches(new Regex($@"stored \(new or changed\)\s+{rows * OoklaQuarterly.Columns.Count}\b"), r.Out);
        Assert.Contains("recognised Ookla's country quarterly aggregates", r.Out);
        var forced = Run("import", "indicators", path, "--format", "ookla");
        Assert.Equal(0, forced.Exit);
        Assert.Matches(new Regex($@"unchanged\s+{rows * OoklaQuarterly.Columns.Count}\b"), forced.Out);
    }

    [Fact]
    public void A_bad_row_exits_2_naming_file_line_field_and_reason_and_stores_nothing()
    {
        var path = _dir.Write("ind.csv", "indicator,name,unit,date,value,source\n" +
                                         "traffic,Internet traffic,PB,2022-06-30,9000,operators\n" +
                                         "traffic,Internet traffic,PB,2023-06-30,-,operators\n");
        var r = Run("import", "indicators", path);
        Assert.Equal(2, r.Exit);
        Assert.Contains("ind.csv:3: value: '-' is not a number", r.Err);
        Assert.Contains("the store is unchanged", r.Err);
        Assert.Equal(2, Run("import", "indicators", _dir.Write("o.csv", "indicator,name\n"), "--format", "ookla").Exit);
        var store = new SqliteRegistryStore(_dir.File("kz.db"));
        Assert.True(new SqliteIndicatorStore(store).Read().IsEmpty);
    }

    [Fact]
    public void Report_writes_one_self_contained_page_per_region_and_the_country()
    {
        Assert.Equal(0, Run("import", "regions", SharedData.RegionsGeoJson).Exit);
        Assert.Equal(0, Run("indicators", "seed").Exit);
        var r = Run("report", "--out", "report.html");
        Assert.True(r.Exit == 0, r.Err);
        var html = File.ReadAllText(_dir.File("report.html"));
        Assert.Equal(21, Regex.Matches(html, "<section class=\"page\"").Count);
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("<link rel=\"stylesheet\"", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("Internet users, share of the population", html);
        Assert.Equal(2, Run("report", "--out", ".").Exit);
    }

    [Fact]
    public void Serve_seeding_an_empty_store_stores_the_default_indicators_too()
    {
        var store = new SqliteRegistryStore(_dir.File("serve.db"));
        var ctx = CliContext.ForText(new StringWriter(), new StringWriter(), _dir.Path, CliRun.Clock,
            name => name == "DALA_NODE_MODULES" ? CliRun.NodeModules : null);
        Commands.ServeCommand.SeedIfEmpty(store, ctx, withScenario: false);
        var set = new SqliteIndicatorStore(store).Read();
        Assert.Equal(DefaultIndicators.Points.Count, set.Points.Count);
        Assert.Contains(set.Indicators, i => i.Id == "internet-users" && i.Target == 88);
    }
}
