using System.CommandLine;
using System.Globalization;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Web.Calibration;

namespace Dala.Cli.Commands;

public static partial class RadioCommand
{
    private static Command Calibrate(StoreOption store, CliContext ctx)
    {
        var from = new Option<string?>("--from") { Description = "Tests from this UTC day (inclusive); all earlier tests when not given", HelpName = "YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Tests before this UTC day (exclusive); up to now when not given", HelpName = "YYYY-MM-DD" };
        var folds = new Option<int>("--folds") { Description = "k of the k-fold cross-validation (2..20)", DefaultValueFactory = _ => 5, HelpName = "K" };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold assignment", DefaultValueFactory = _ => 1, HelpName = "N" };
        var group = new Option<string>("--group") { Description = "Terms per operator-clutter or operator-region", DefaultValueFactory = _ => "operator-clutter", HelpName = "GROUPING" };
        var min = new Option<int>("--min-samples") { Description = "Fewest samples a group's terms are fitted on", DefaultValueFactory = _ => TermsFit.DefaultMinSamples, HelpName = "N" };
        var synthetic = new Option<bool>("--synthetic") { Description = "Count SYNTHETIC tests too (the calibration is then labelled SYNTHETIC)" };
        var patterns = new Option<string?>("--patterns") { Description = "Folder of MSI/Planet antenna pattern files named by the sectors", HelpName = "DIR" };
        var cmd = new Command("calibrate", "Calibrate the latest coverage run's model on the store's valid, located 4G/5G tests: an offset and a distance slope " +
                                           "of the path loss per group, fitted by least squares, with bias and RMSE before and after on held-out folds; saves the calibration.")
            { from, to, folds, seed, group, min, synthetic, patterns };
        cmd.SetAction(r =>
        {
            var grouping = CalibrationGroupings.Parse(r.GetValue(group))
                ?? throw new CliException($"--group '{r.GetValue(group)}': use {string.Join(" or ", CalibrationGroupings.Names)}", ExitCodes.Rejected);
            var options = new CalibrationOptions(grouping, r.GetValue(folds), r.GetValue(seed), r.GetValue(min));
            if (options.Problem() is { } problem) throw new CliException(problem, ExitCodes.Rejected);
            var request = new CalibrationRequest(Day(r.GetValue(from), "--from"), Day(r.GetValue(to), "--to"), r.GetValue(synthetic), options,
                r.GetValue(patterns) is { } p ? ctx.FullPath(p) : null);
            var s = store.Open(r, ctx);
            Calibration c;
            try
            {
                c = new CalibrationRunner(s, StoreOption.Coverage(s), StoreOption.Measurements(s), StoreOption.Calibrations(s), ctx.Clock).Run(request);
            }
            catch (CalibrationException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            CalibrationOutput.Print(ctx, c);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command SyntheticTests(StoreOption store, CliContext ctx)
    {
        var count = new Option<int>("--count") { Description = "How many SYNTHETIC tests", DefaultValueFactory = _ => 3000, HelpName = "N" };
        var offset = new Option<double>("--offset-db") { Description = "True extra path loss at 1 km, dB (every group)", DefaultValueFactory = _ => 8, HelpName = "DB" };
        var slope = new Option<double>("--slope-db") { Description = "True extra path loss per decade of distance, dB (every group)", DefaultValueFactory = _ => 10, HelpName = "DB" };
        var sigma = new Option<double>("--sigma-db") { Description = "Gaussian noise on the true RSRP, dB", DefaultValueFactory = _ => 3, HelpName = "DB" };
        var seed = new Option<int>("--seed") { Description = "Seed", DefaultValueFactory = _ => 1, HelpName = "N" };
        var cmd = new Command("synthetic-tests", "Add SYNTHETIC 4G/5G speed tests around the store's operator sites, made from the latest coverage run's model with known " +
                                                 "extra path loss plus noise (a truth to check calibration against); labelled synthetic.")
            { count, offset, slope, sigma, seed };
        cmd.SetAction(r =>
        {
            var seeding = new SyntheticCalibrationTests(r.GetValue(count), r.GetValue(offset), r.GetValue(slope), r.GetValue(sigma), r.GetValue(seed));
            if (seeding.Problem() is { } problem) throw new CliException(problem, ExitCodes.Rejected);
            var s = store.Open(r, ctx);
            int added;
            try
            {
                added = seeding.AddTo(s, StoreOption.Coverage(s), StoreOption.Measurements(s), ctx.Clock);
            }
            catch (CalibrationException e)
            {
                throw new CliException(e.Message, ExitCodes.Rejected);
            }
            ctx.OutText.WriteLine($"added {added:N0} SYNTHETIC tests ({seeding.Dataset}) to {s.Describe()}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static DateTimeOffset? Day(string? text, string option)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : throw new CliException($"{option} '{text}': not a date (YYYY-MM-DD)", ExitCodes.Rejected);
    }
}
