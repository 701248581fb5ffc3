using Dala.Geo;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Registry.Model;
using Dala.Registry.Store;
using RadioCalibration = Dala.Radio.Calibration.Calibration;

namespace Dala.Web.Calibration;

/// <summary>What a calibration is asked for: the tests' window (From inclusive, To exclusive; open when null), whether SYNTHETIC tests count, and how.</summary>
public sealed record CalibrationRequest(DateTimeOffset? From, DateTimeOffset? To, bool IncludeSynthetic, CalibrationOptions Options, string? PatternsFolder = null);

/// <summary>
/// Calibrates the latest coverage run's model on the store's valid single tests and saves the calibration (the hosts' shared
/// composition of Quality's tests and Radio's calibration): tests become <see cref="CalibrationTest"/>s with the clutter class of
/// their settlement's kind (rural without one); predictions are made with the run's model and the default settings otherwise,
/// area mode where the model is ITM (no DEM).
/// </summary>
public sealed class CalibrationRunner(IRegistryStore registry, ICoverageStore coverage, IMeasurementStore measurements, ICalibrationStore calibrations, IClock clock)
{
    public RadioCalibration Run(CalibrationRequest request)
    {
        if (request.Options.Problem() is { } problem) throw new CalibrationException(problem);
        if (request.From is { } f && request.To is { } t && f >= t) throw new CalibrationException($"the window is empty: from {f:O} is not before to {t:O}");
        var run = coverage.LatestRun() ?? throw new CalibrationException("the store has no coverage run to calibrate: run dala radio coverage first");
        var snap = registry.ReadSnapshot();
        var settlements = snap.Settlements.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var (from, to) = (request.From ?? DateTimeOffset.UnixEpoch, request.To ?? clock.Now.AddSeconds(1));
        var tests = measurements.Tests(new TestQuery(from, to, IncludeSynthetic: request.IncludeSynthetic)).Select(m => From(m, settlements)).ToList();
        if (tests.Count == 0)
            throw new CalibrationException($"no valid single test in the window{(request.IncludeSynthetic ? "" : " (SYNTHETIC tests count only when asked)")}: nothing to calibrate");
        var predictor = new OperatorPredictor(snap.Sites, new CoverageSettings { Model = run.Model }, new PatternLibrary(request.PatternsFolder));
        CalibrationResult result;
        try
        {
            result = Calibrator.Run(tests, predictor, request.Options);
        }
        catch (ArgumentException e)
        {
            throw new CalibrationException(e.Message);
        }
        var used = result.Samples.Select(s => s.TestId).ToHashSet(StringComparer.Ordinal);
        var usedTests = tests.Where(x => used.Contains(x.Id)).ToList();
        var mismatches = SettlementMismatches.Find(tests, predictor, new ModelCorrection(0, request.Options.Grouping, result.Terms),
            id => settlements.TryGetValue(id, out var s) ? (s.Location, Clutters.Of(s.Kind), s.RegionCode) : null);
        var calibration = new RadioCalibration(0, clock.Now, request.From ?? usedTests.Min(x => x.Time), request.To ?? usedTests.Max(x => x.Time).AddSeconds(1),
            run.Id, run.Model, request.Options.Grouping, request.Options.Folds, request.Options.Seed, usedTests.Any(x => x.Synthetic), result.Counts,
            result.Terms, result.Metrics, result.Overall, result.Samples, mismatches);
        return calibration with { Id = calibrations.Save(calibration) };
    }

    /// <summary>A stored measurement as calibration reads it.</summary>
    public static CalibrationTest From(Measurement m, IReadOnlyDictionary<string, Settlement> settlements)
    {
        var s = m.SettlementId is { } id && settlements.TryGetValue(id, out var x) ? x : null;
        return new CalibrationTest(m.Id, m.Time, m.Location, m.OperatorId, m.Access, m.SettlementId, m.RegionCode ?? s?.RegionCode,
            s is null ? Clutter.Rural : Clutters.Of(s.Kind), m.DownMbps, null, m.Synthetic);
    }

    /// <summary>A SYNTHETIC calibration test as a stored measurement (an imported single test, labelled synthetic).</summary>
    public static Measurement ToMeasurement(CalibrationTest t, string dataset) => new()
    {
        Id = t.Id,
        Time = t.Time,
        Location = t.Location,
        Quadkey = t.Location is { } at ? Quadkey.At(at, 16) : null,
        SettlementId = t.SettlementId,
        RegionCode = t.RegionCode,
        OperatorId = t.OperatorId,
        Access = t.Access,
        DownMbps = t.DownMbps is { } d ? Math.Round(d, 6) : null,
        Source = MeasurementSource.Import,
        Dataset = dataset,
        Synthetic = true,
    };
}
