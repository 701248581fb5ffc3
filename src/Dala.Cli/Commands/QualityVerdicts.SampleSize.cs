using System.CommandLine;
using System.Globalization;
using Dala.Quality.Verdicts;

namespace Dala.Cli.Commands;

public static partial class QualityVerdicts
{
    private static Command SampleSizeVerb(CliContext ctx)
    {
        var share = new Option<double>("--share") { Description = "The required share (0..1)", Required = true };
        var expected = new Option<double>("--expected") { Description = "The true share the campaign expects to find (0..1)", Required = true };
        var confidence = new Option<double>("--confidence") { Description = "Confidence of the two-sided interval", DefaultValueFactory = _ => 0.95 };
        var power = new Option<double>("--power") { Description = "Probability that the campaign decides", DefaultValueFactory = _ => 0.8 };
        var cmd = new Command("sample-size", "How many tests a campaign needs so that, at the expected share, the exact interval decides with the given power.")
            { share, expected, confidence, power };
        cmd.SetAction(r =>
        {
            SampleSize.Plan? plan;
            try
            {
                plan = SampleSize.For(r.GetValue(share), r.GetValue(expected), r.GetValue(confidence), r.GetValue(power));
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliException(e.Message.Split(" (Parameter", 2)[0]);
            }
            if (plan is null)
            {
                ctx.OutText.WriteLine(r.GetValue(share) == r.GetValue(expected)
                    ? "no sample size: the expected share equals the required share, so no number of tests decides"
                    : $"no sample size up to {SampleSize.Limit.ToString("N0", CultureInfo.InvariantCulture)} tests reaches the power");
                return ExitCodes.Ok;
            }
            string I(long x) => x.ToString(CultureInfo.InvariantCulture);
            ctx.OutText.WriteLine($"n = {I(plan.N)} tests");
            ctx.OutText.WriteLine($"decides {Judgement.WireName(plan.Decides)} when k (tests at or above the threshold) is in {I(plan.KLow)}..{I(plan.KHigh)}");
            ctx.OutText.WriteLine($"probability of deciding at the expected share: {plan.Power.ToString("0.0000", CultureInfo.InvariantCulture)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
