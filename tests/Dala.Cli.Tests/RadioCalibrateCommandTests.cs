using System.Globalization;
using System.Text.RegularExpressions;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala radio synthetic-tests, calibrate and coverage --calibration on a store of real settlements and SYNTHETIC sites.</summary>
public sealed class RadioCalibrateCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Ok(params string[] args)
    {
        var run = CliRun.In(_dir.Path, args);
        Assert.True(run.Exit == 0, string.Join(' ', args) + ": " + run.Err);
    }

    [Fact]
    public void Calibrate_on_a_synthetic_truth_recovers_its_offset_and_a_later_coverage_run_applies_it()
    {
        Ok("import", "regions", SharedData.RegionsGeoJson);
        Ok("import", "settlements", SharedData.HotOsmPlaces);
        Ok("scenario", "sites", "--count", "400");
        var none = CliRun.In(_dir.Path, "radio", "calibrate");
        Assert.Equal(ExitCodes.Rejected, none.Exit);
        Assert.Contains("no coverage run", none.Err);
        Ok("radio", "coverage");
        Ok("radio", "synthetic-tests", "--count", "1500", "--offset-db", "8", "--slope-db", "10", "--sigma-db", "3");
        var real = CliRun.In(_dir.Path, "radio", "calibrate");
        Assert.Equal(ExitCodes.Rejected, real.Exit);
        Assert.Contains("SYNTHETIC tests count only when asked", real.Err);
        var run = CliRun.In(_dir.Path, "radio", "calibrate", "--synthetic", "--seed", "3");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("Calibration 1 of coverage run 1 (model itm)", run.Out);
        Assert.Contains("SYNTHETIC tests", run.Out);
        Assert.Contains("calibration id: 1", run.Out);
        var all = Regex.Match(run.Out, @"all\s+[0-9,]+\s+(?<bb>-?[0-9.]+)\s+(?<rb>[0-9.]+)\s+(?<ba>-?[0-9.]+)\s+(?<ra>[0-9.]+)");
        Assert.True(all.Success, run.Out);
        double V(string g) => double.Parse(all.Groups[g].Value, CultureInfo.InvariantCulture);
        Assert.True(V("ra") <= 0.5 * V("rb"), run.Out);
        var rural = Regex.Match(run.Out, @"synthetic-a\|rural\s+[0-9,]+\s+(?<a>-?[0-9.]+) ± (?<se>[0-9.]+)");
        Assert.True(rural.Success, run.Out);
        Assert.InRange(double.Parse(rural.Groups["a"].Value, CultureInfo.InvariantCulture), 8 - 4 * double.Parse(rural.Groups["se"].Value, CultureInfo.InvariantCulture),
            8 + 4 * double.Parse(rural.Groups["se"].Value, CultureInfo.InvariantCulture));
        var applied = CliRun.In(_dir.Path, "radio", "coverage", "--calibration", "latest");
        Assert.True(applied.Exit == 0, applied.Err);
        Assert.Contains("calibration=1 (operator-clutter)", applied.Out);
        var wrongModel = CliRun.In(_dir.Path, "radio", "coverage", "--model", "freespace", "--calibration", "1");
        Assert.Equal(ExitCodes.Rejected, wrongModel.Exit);
        Assert.Contains("fitted to the itm model", wrongModel.Err);
    }

    [Theory]
    [InlineData("calibrate --group region", "--group 'region': use operator-clutter or operator-region")]
    [InlineData("calibrate --folds 1", "folds must be within 2..20")]
    [InlineData("calibrate --from 2026-02-30", "--from '2026-02-30': not a date")]
    [InlineData("calibrate --from 2026-03-01 --to 2026-03-01", "the window is empty")]
    [InlineData("coverage --calibration abc", "--calibration 'abc': give a calibration id or 'latest'")]
    [InlineData("coverage --calibration latest", "the store has no calibration")]
    [InlineData("coverage --calibration 4", "no calibration 4")]
    [InlineData("synthetic-tests --count 0", "--count 0: must be within 1..1000000")]
    [InlineData("synthetic-tests --sigma-db -1", "--sigma-db -1: must be within (0, 20]")]
    public void Bad_input_exits_2_with_a_clear_line(string args, string message)
    {
        Ok("scenario", "seed");
        var run = CliRun.In(_dir.Path, ["radio", .. args.Split(' ')]);
        Assert.Equal(ExitCodes.Rejected, run.Exit);
        Assert.Contains(message, run.Err);
    }
}
