namespace Dala.Radio.Calibration;

/// <summary>
/// One stored calibration: when it was made, the data window of the tests it used (From inclusive, To exclusive), the
/// coverage run and model it calibrated, how (grouping, folds, seed), whether any test was SYNTHETIC, the terms, the
/// held-out metrics, the samples (for the residual map and the scatter) and the settlement mismatches.
/// </summary>
public sealed record Calibration(long Id, DateTimeOffset CreatedAt, DateTimeOffset From, DateTimeOffset To, long? CoverageRunId, string Model,
    CalibrationGrouping Grouping, int Folds, int Seed, bool Synthetic, CalibrationCounts Counts, IReadOnlyList<GroupTerms> Terms,
    IReadOnlyList<GroupMetrics> Metrics, GroupMetrics Overall, IReadOnlyList<CalibrationSample> Samples, IReadOnlyList<SettlementMismatch> Mismatches)
{
    public ModelCorrection Correction() => new(Id, Grouping, Terms);
}

/// <summary>A calibration in a list: no terms, samples or mismatches.</summary>
public sealed record CalibrationSummary(long Id, DateTimeOffset CreatedAt, DateTimeOffset From, DateTimeOffset To, long? CoverageRunId, string Model,
    string Grouping, bool Synthetic, int Samples, double RmseBeforeDb, double RmseAfterDb);

/// <summary>Where calibrations are kept (declared here, implemented by every store).</summary>
public interface ICalibrationStore
{
    /// <summary>Saves the calibration in one transaction; returns its id.</summary>
    long Save(Calibration calibration);

    Calibration? Get(long id);

    long? LatestId();

    /// <summary>All calibrations, newest first.</summary>
    IReadOnlyList<CalibrationSummary> List();
}
