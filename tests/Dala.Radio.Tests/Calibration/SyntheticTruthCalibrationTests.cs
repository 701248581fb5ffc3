using Dala.Radio.Calibration;
using Dala.Radio.Coverage;

namespace Dala.Radio.Tests.Calibration;

/// <summary>
/// The acceptance of calibration on a SYNTHETIC truth: tests made from the model with known different terms plus 3 dB of
/// Gaussian noise. Stated tolerance: each fitted term within 4 of its standard errors of the true one (and that standard
/// error below 1 dB, so the check has teeth); the held-out RMSE at most half the uncalibrated one. On tests made from the
/// uncalibrated model itself the terms are within 4 standard errors of zero and the held-out RMSE moves by under 2 %.
/// </summary>
public class SyntheticTruthCalibrationTests(ITestOutputHelper output)
{
    private const double Sigma = 3;
    private static readonly Dictionary<string, (double A, double B)> Truth = new()
    {
        ["op-a|rural"] = (9, 6),
        ["op-a|suburban"] = (4, 12),
        ["op-b|rural"] = (-3, 14),
    };

    private static CalibrationResult Calibrate(Func<string, string, (double, double)> truth, int seed, out IReadOnlyList<CalibrationTest> tests)
    {
        var sites = CalibrationFixture.Sites();
        var predictor = CalibrationFixture.Predictor(sites);
        tests = new SyntheticTruth(Sigma, MaxKm: 19, Seed: seed).Generate(sites, predictor, 4000, CalibrationFixture.End, truth,
            clutters: [Clutter.Rural, Clutter.Suburban]);
        return Calibrator.Run(tests, predictor, new CalibrationOptions(Folds: 5, Seed: 7));
    }

    private void Print(CalibrationResult r)
    {
        output.WriteLine(Calibrator.Describe(r.Counts));
        foreach (var t in r.Terms) output.WriteLine($"{t.Group} n={t.N} a={t.OffsetDb:0.00}±{t.OffsetSeDb:0.00} b={t.SlopeDbPerDecade:0.00}±{t.SlopeSeDb:0.00} {t.Note}");
        foreach (var m in r.Metrics.Append(r.Overall)) output.WriteLine($"{m.Group} n={m.N} bias {m.BiasBeforeDb:0.00} -> {m.BiasAfterDb:0.00}, rmse {m.RmseBeforeDb:0.00} -> {m.RmseAfterDb:0.00}");
    }

    [Fact]
    public void Fitted_terms_recover_the_true_ones_within_the_noise_and_held_out_rmse_halves()
    {
        var r = Calibrate((op, cls) => Truth.GetValueOrDefault(op + "|" + cls, (0, 0)), 11, out _);
        Print(r);
        foreach (var (group, (a, b)) in Truth)
        {
            var t = r.Terms.Single(x => x.Group == group);
            Assert.True(t.Fitted, group);
            Assert.True(t.OffsetSeDb < 1 && t.SlopeSeDb < 1.5, $"{group}: standard errors {t.OffsetSeDb}, {t.SlopeSeDb} too wide for a meaningful check");
            Assert.True(Math.Abs(t.OffsetDb - a) <= 4 * t.OffsetSeDb!.Value, $"{group}: offset {t.OffsetDb:0.00} vs true {a} (se {t.OffsetSeDb:0.00})");
            Assert.True(Math.Abs(t.SlopeDbPerDecade - b) <= 4 * t.SlopeSeDb!.Value, $"{group}: slope {t.SlopeDbPerDecade:0.00} vs true {b} (se {t.SlopeSeDb:0.00})");
        }
        Assert.True(r.Overall.RmseAfterDb <= 0.5 * r.Overall.RmseBeforeDb, $"held-out RMSE {r.Overall.RmseBeforeDb:0.00} -> {r.Overall.RmseAfterDb:0.00}");
        Assert.True(Math.Abs(r.Overall.BiasAfterDb) < 0.5, $"held-out bias after {r.Overall.BiasAfterDb:0.00}");
        Assert.InRange(r.Overall.RmseAfterDb, 0.8 * Sigma, 1.2 * Sigma); // what is left is the noise
    }

    [Fact]
    public void On_tests_from_the_uncalibrated_model_calibration_changes_nothing_beyond_noise()
    {
        var r = Calibrate((_, _) => (0, 0), 12, out _);
        Print(r);
        Assert.Equal(4, r.Terms.Count);
        foreach (var t in r.Terms)
        {
            Assert.True(t.Fitted && t.OffsetSeDb < 1 && t.SlopeSeDb < 1.5, $"{t.Group}: {t.Note} se {t.OffsetSeDb}, {t.SlopeSeDb}");
            Assert.True(Math.Abs(t.OffsetDb) <= 4 * t.OffsetSeDb!.Value, $"{t.Group}: offset {t.OffsetDb:0.00} (se {t.OffsetSeDb:0.00})");
            Assert.True(Math.Abs(t.SlopeDbPerDecade) <= 4 * t.SlopeSeDb!.Value, $"{t.Group}: slope {t.SlopeDbPerDecade:0.00} (se {t.SlopeSeDb:0.00})");
        }
        Assert.True(Math.Abs(r.Overall.RmseAfterDb - r.Overall.RmseBeforeDb) <= 0.02 * r.Overall.RmseBeforeDb,
            $"held-out RMSE {r.Overall.RmseBeforeDb:0.00} -> {r.Overall.RmseAfterDb:0.00}");
        Assert.InRange(r.Overall.RmseBeforeDb, 0.8 * Sigma, 1.2 * Sigma);
    }
}
