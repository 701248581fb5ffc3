using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala events: the SYNTHETIC Astana Arena demo shows a deficit and one disrupted operator; events are added and refused by the command line.</summary>
public sealed class EventsCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.In(_dir.Path, [.. args, "--store", "events.db"]);

    private CliRun Ok(params string[] args)
    {
        var run = Run(args);
        Assert.True(run.Exit == 0, $"exit {run.Exit}: {run.Err}{run.Out}");
        return run;
    }

    [Fact]
    public void The_demo_shows_a_deficit_and_flags_one_operator()
    {
        Assert.Contains("SYNTHETIC event astana-arena-concert (2026-11-14 14:00-2026-11-14 18:00 UTC), 3 synthetic masts, 720 synthetic tests", Ok("events", "demo").Out);
        Assert.Contains("(already there)", Ok("events", "demo").Out);
        var capacity = Ok("events", "capacity", "astana-arena-concert");
        Assert.Contains("demand 1,525.7 Mbit/s for 30,000 people; 5 serving sectors; deficit 1,058.7 Mbit/s", capacity.Out);
        Assert.Contains("SYNTHETIC", capacity.Out);
        Ok("events", "disruption", "astana-arena-concert", "--out", "evidence.csv");
        var rows = File.ReadAllText(_dir.File("evidence.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event,operator,verdict,flagged,event_tests,baseline_tests", rows[0]);
        Assert.Equal(["synthetic-a,no evidence,false", "synthetic-b,disrupted,true", "synthetic-c,no evidence,false"],
            rows.Skip(1).Select(r => string.Join(',', r.Split(',')[1..4])));
        Assert.All(rows.Skip(1), r => Assert.EndsWith(",true", r));
    }

    [Fact]
    public void Events_are_added_listed_and_bad_input_is_named()
    {
        Ok("events", "add", "--id", "nauryz", "--name", "Nauryz on the square", "--polygon", "71.41 51.12, 71.42 51.12, 71.42 51.13",
            "--start", "2026-03-22T11:00+05:00", "--end", "2026-03-22T21:00+05:00", "--crowd", "50000");
        Assert.Contains("nauryz", Ok("events", "list").Out);
        Assert.Contains("from 2026-03-22 06:00 to 2026-03-22 16:00 UTC (10 h), expected crowd 50,000", Ok("events", "show", "nauryz").Out);
        foreach (var (args, message) in new (string[], string)[]
        {
            (["--id", "nauryz", "--name", "x", "--lon", "71", "--lat", "51", "--radius-km", "1", "--start", "2026-03-22T10:00Z", "--end", "2026-03-22T11:00Z", "--crowd", "5"], "--id: 'nauryz' is taken"),
            (["--id", "b", "--name", "x", "--lon", "71", "--lat", "51", "--radius-km", "99", "--start", "2026-03-22T10:00Z", "--end", "2026-03-22T11:00Z", "--crowd", "5"], "--radius-km: 99 is outside 0.05..20"),
            (["--id", "b", "--name", "x", "--lon", "71", "--lat", "51", "--radius-km", "1", "--start", "2026-03-22T10:00Z", "--end", "2026-03-22T09:00Z", "--crowd", "5"], "--end: is not after the start"),
            (["--id", "b", "--name", "x", "--polygon", "71 51, 72", "--start", "2026-03-22T10:00Z", "--end", "2026-03-22T11:00Z", "--crowd", "5"], "--polygon: vertex 2 '72' is not 'lon lat'"),
            (["--id", "b", "--name", "x", "--lon", "71", "--lat", "51", "--radius-km", "1", "--start", "soon", "--end", "2026-03-22T11:00Z", "--crowd", "5"], "--start: 'soon' is not a time"),
        })
        {
            var run = Run(["events", "add", .. args]);
            Assert.Equal(2, run.Exit);
            Assert.Contains(message, run.Err);
        }
        Assert.Single(Ok("events", "list").Out.Split('\n'), l => l.Contains("2026-03-22", StringComparison.Ordinal));
        var bad = Run("events", "capacity", "nauryz", "--market-share", "a=0.8", "--market-share", "b=0.5");
        Assert.Equal((2, true), (bad.Exit, bad.Err.Contains("--market-share: the shares add up to more than 1", StringComparison.Ordinal)));
        Assert.Equal(2, Run("events", "disruption", "missing").Exit);
    }
}
