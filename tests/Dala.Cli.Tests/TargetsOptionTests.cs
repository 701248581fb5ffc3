using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>--targets FILE.json replaces the default targets; a bad file is refused with its name, before anything is done.</summary>
public sealed class TargetsOptionTests : IDisposable
{
    private readonly TempDir _dir = new();

    /// <summary>Two villages, one of them on fibre: the rural fibre share is 50%.</summary>
    public TargetsOptionTests()
    {
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "regions", SharedData.RegionsGeoJson).Exit);
        var places = _dir.Write("places.csv", "id,name,kind,population,lon,lat\nv1,Акколь,village,1200,70.95,52.0\nv2,Бурабай,village,900,70.3,53.08\n");
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "settlements", places).Exit);
        var records = _dir.Write("conn.csv", "settlement_id,technology,operator,down_mbps,as_of\nv1,fibre,Kazakhtelecom,100,2025-06-01\n");
        Assert.Equal(0, CliRun.In(_dir.Path, "import", "connectivity", records).Exit);
    }

    public void Dispose() => _dir.Dispose();

    private const string Half = "Half of rural settlements on fibre by end-2028";
    private const string Most = "90% of rural settlements on fibre by end-2029";

    private static string Targets(double first, double second) =>
        FormattableString.Invariant($"[{{\"id\":\"half\",\"label\":\"{Half}\",\"metric\":\"fibre\",\"share\":{first},\"by\":\"2028-12-31\"}},") +
        FormattableString.Invariant($"{{\"id\":\"most\",\"label\":\"{Most}\",\"metric\":\"fibre\",\"share\":{second},\"by\":\"2029-12-31\"}}]");

    [Fact]
    public void Status_uses_the_targets_of_the_file_instead_of_the_defaults()
    {
        var defaults = CliRun.In(_dir.Path, "status");
        Assert.Contains("Target 90% of rural settlements on broadband by end-2026: now 50.0%", defaults.Out);

        _dir.Write("targets.json", Targets(0.5, 0.9));
        var run = CliRun.In(_dir.Path, "status", "--targets", "targets.json");
        Assert.True(run.Exit == 0, run.Err);
        var lines = run.Out.Split('\n').Where(l => l.StartsWith("Target ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"Target {Half}: now 50.0%", lines[0]);
        Assert.EndsWith("— met", lines[0].TrimEnd());
        Assert.StartsWith($"Target {Most}: now 50.0%", lines[1]);
        Assert.EndsWith("— not met", lines[1].TrimEnd());
        Assert.DoesNotContain("by end-2026", run.Out);
    }

    [Fact]
    public void A_changed_share_changes_whether_the_target_is_met()
    {
        _dir.Write("targets.json", Targets(0.51, 0.5));
        var lines = CliRun.In(_dir.Path, "status", "--targets", "targets.json").Out.Split('\n').Where(l => l.StartsWith("Target ", StringComparison.Ordinal)).ToArray();
        Assert.EndsWith("— not met", lines[0].TrimEnd());
        Assert.EndsWith("— met", lines[1].TrimEnd());
    }

    [Fact]
    public void The_progress_export_has_a_share_and_a_met_column_per_target_of_the_file()
    {
        _dir.Write("targets.json", Targets(0.5, 0.9));
        var run = CliRun.In(_dir.Path, "export", "progress", "--targets", "targets.json", "-o", "progress.csv");
        Assert.True(run.Exit == 0, run.Err);
        var lines = File.ReadAllLines(_dir.File("progress.csv"));
        var header = lines[0].Split(',');
        Assert.Equal(["target_half_share", "target_half_met", "target_most_share", "target_most_met"], header[^4..]);
        Assert.DoesNotContain(header, h => h.Contains("2026", StringComparison.Ordinal));
        var national = lines.Single(l => l.StartsWith(",National,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["0.5", "true", "0.9", "false"], national[^4..]);
        var akmola = lines.Single(l => l.StartsWith("KZ-11,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("2", akmola[2]); // both villages
        Assert.Equal(["0.5", "true", "0.9", "false"], akmola[^4..]);
    }

    [Fact]
    public void Dash_as_the_output_file_is_standard_output()
    {
        var run = CliRun.In(_dir.Path, "export", "progress", "-o", "-");
        Assert.True(run.Exit == 0, run.Err);
        Assert.StartsWith("region,name,settlements,", run.Out);
        Assert.False(File.Exists(_dir.File("-")));
    }

    [Theory]
    [InlineData("missing.json", null, "cannot read targets from missing.json")]
    [InlineData("broken.json", "[{\"id\": \"x\",", "cannot read targets from broken.json")]
    [InlineData("object.json", "{\"id\": \"x\"}", "cannot read targets from object.json")]
    [InlineData("text.json", "[{\"id\":\"x\",\"label\":\"X\",\"metric\":\"fibre\",\"share\":\"half\",\"by\":\"2028-12-31\"}]", "cannot read targets from text.json")]
    [InlineData("date.json", "[{\"id\":\"x\",\"label\":\"X\",\"metric\":\"fibre\",\"share\":0.5,\"by\":\"end of 2028\"}]", "cannot read targets from date.json")]
    [InlineData("null.json", "null", "null.json: empty targets file")]
    [InlineData("nullitem.json", "[null]", "nullitem.json: target 1: is null, expected an object")]
    [InlineData("metric.json", "[{\"id\":\"x\",\"label\":\"X\",\"metric\":\"copper\",\"share\":0.5,\"by\":\"2028-12-31\"}]", "metric.json: target 1 'x': metric 'copper' is not one of fibre, broadband, mbps100")]
    [InlineData("share.json", "[{\"id\":\"x\",\"label\":\"X\",\"metric\":\"fibre\",\"share\":50,\"by\":\"2028-12-31\"}]", "share.json: target 1 'x': share 50 is outside [0, 1]")]
    [InlineData("noby.json", "[{\"id\":\"x\",\"label\":\"X\",\"metric\":\"fibre\",\"share\":0.5}]", "noby.json: target 1 'x': has no date \"by\"")]
    [InlineData("noid.json", "[{\"label\":\"X\",\"metric\":\"fibre\",\"share\":0.5,\"by\":\"2028-12-31\"}]", "noid.json: target 1: has no id")]
    [InlineData("nolabel.json", "[{\"id\":\"x\",\"metric\":\"fibre\",\"share\":0.5,\"by\":\"2028-12-31\"}]", "nolabel.json: target 1 'x': has no label")]
    public void A_bad_targets_file_is_refused_with_its_name(string file, string? content, string expected)
    {
        if (content is not null) _dir.Write(file, content);
        var status = CliRun.In(_dir.Path, "status", "--targets", file);
        Assert.NotEqual(0, status.Exit);
        Assert.Contains("error: " + expected, status.Err);
        Assert.Empty(status.Out);

        var export = CliRun.In(_dir.Path, "export", "progress", "--targets", file, "-o", "progress.csv");
        Assert.NotEqual(0, export.Exit);
        Assert.Contains("error: " + expected, export.Err);
        Assert.False(File.Exists(_dir.File("progress.csv")));
    }

    [Fact]
    public void Serve_refuses_a_bad_targets_file_before_creating_or_seeding_a_store()
    {
        _dir.Write("bad.json", "[null]");
        var run = CliRun.In(_dir.Path, "serve", "--store", "fresh.db", "--targets", "bad.json", "--urls", "http://127.0.0.1:0");
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("error: bad.json: target 1: is null, expected an object", run.Err);
        Assert.False(File.Exists(_dir.File("fresh.db")));
    }
}
