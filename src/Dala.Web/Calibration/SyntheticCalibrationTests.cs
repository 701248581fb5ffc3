using System.Globalization;
using Dala.Geo;
using Dala.Quality.Store;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Registry.Store;

namespace Dala.Web.Calibration;

/// <summary>
/// Adds SYNTHETIC 4G/5G tests to a store: the latest coverage run's model with a known extra path loss
/// (<paramref name="OffsetDb"/> + <paramref name="SlopeDb"/> x log10 d, every group) plus noise, around the operators' sites, each at its
/// nearest settlement (within 5 km) when there is one (<see cref="SyntheticTruth"/>). Labelled synthetic.
/// </summary>
public sealed record SyntheticCalibrationTests(int Count = 3000, double OffsetDb = 8, double SlopeDb = 10, double SigmaDb = 3, int Seed = 1)
{
    public string Dataset => string.Create(CultureInfo.InvariantCulture,
        $"synthetic calibration truth (offset {OffsetDb} dB, slope {SlopeDb} dB/decade, sigma {SigmaDb} dB, seed {Seed})");

    /// <summary>Why these values cannot be used, or null.</summary>
    public string? Problem() =>
        Count is < 1 or > 1_000_000 ? $"--count {Count}: must be within 1..1000000"
        : !(SigmaDb > 0 && SigmaDb <= 20) ? string.Create(CultureInfo.InvariantCulture, $"--sigma-db {SigmaDb}: must be within (0, 20]")
        : !double.IsFinite(OffsetDb) || Math.Abs(OffsetDb) > 60 || !double.IsFinite(SlopeDb) || Math.Abs(SlopeDb) > 60 ? "--offset-db and --slope-db must be within -60..60"
        : null;

    /// <summary>Adds the tests; returns how many were new. <see cref="CalibrationException"/> when there is no coverage run or no site to draw around.</summary>
    public int AddTo(IRegistryStore registry, ICoverageStore coverage, IMeasurementStore measurements, IClock clock)
    {
        if (Problem() is { } problem) throw new CalibrationException(problem);
        var run = coverage.LatestRun() ?? throw new CalibrationException("the store has no coverage run: run dala radio coverage first");
        var snap = registry.ReadSnapshot();
        var predictor = new OperatorPredictor(snap.Sites, new CoverageSettings { Model = run.Model }, new PatternLibrary());
        IReadOnlyList<CalibrationTest> tests;
        try
        {
            tests = new SyntheticTruth(SigmaDb, Seed: Seed).Generate(snap.Sites, predictor, Count, clock.Now, (_, _) => (OffsetDb, SlopeDb),
                locate: new SettlementFinder(snap.Settlements).Locate);
        }
        catch (ArgumentException e)
        {
            throw new CalibrationException(e.Message);
        }
        return measurements.Append(tests.Select(t => CalibrationRunner.ToMeasurement(t, Dataset)).ToList(), []);
    }
}
