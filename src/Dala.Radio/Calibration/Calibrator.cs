namespace Dala.Radio.Calibration;

/// <summary>Calibration cannot go on with these tests (no sample): the caller's input, not a fault.</summary>
public sealed class CalibrationException(string message) : Exception(message);

/// <summary>How to calibrate: the grouping, k of the k-fold cross-validation, the seed of the fold assignment and the fewest samples a group is fit on.</summary>
public sealed record CalibrationOptions(CalibrationGrouping Grouping = CalibrationGrouping.OperatorClutter, int Folds = 5, int Seed = 1, int MinSamples = TermsFit.DefaultMinSamples)
{
    /// <summary>Why these options cannot be used, or null.</summary>
    public string? Problem() =>
        Folds is < 2 or > 20 ? $"folds must be within 2..20 (got {Folds})"
        : MinSamples is < 3 or > 1_000_000 ? $"the fewest samples per group must be within 3..1000000 (got {MinSamples})"
        : null;
}

/// <summary>What a calibration found: the tests' fate, the terms fitted on all samples, the held-out metrics and the samples.</summary>
public sealed record CalibrationResult(CalibrationCounts Counts, IReadOnlyList<GroupTerms> Terms, IReadOnlyList<GroupMetrics> Metrics, GroupMetrics Overall,
    IReadOnlyList<CalibrationSample> Samples);

/// <summary>
/// Calibrates the model on measured tests: joins each located radio test to its operator's prediction at its place, turns
/// its throughput into the RSRP the link chain needs for it (or takes its RSRP), fits offset and distance slope per group
/// (<see cref="TermsFit"/>), and tells bias and RMSE before and after on held-out folds of a k-fold cross-validation
/// (each sample's fold from a seeded shuffle of the samples ordered by test id: the same tests and seed give the same folds).
/// </summary>
public static class Calibrator
{
    public static CalibrationResult Run(IEnumerable<CalibrationTest> tests, OperatorPredictor predictor, CalibrationOptions options)
    {
        if (options.Problem() is { } problem) throw new ArgumentException(problem);
        var (samples, counts, groups) = Join(tests, predictor, options.Grouping);
        if (samples.Count == 0)
            throw new CalibrationException($"no test could be joined to a prediction ({Describe(counts)}): nothing to calibrate");
        var metrics = CrossValidate(samples, groups, options);
        var terms = FitAll(samples, groups, options.MinSamples);
        var byGroup = terms.ToDictionary(t => t.Group, StringComparer.Ordinal);
        var calibrated = samples.Select(s => s with { CalibratedRsrpDbm = Apply(byGroup[s.Group], s) }).ToList();
        var overall = Metric("all", metrics.Sum(m => m.Before.Count), metrics.SelectMany(m => m.Before), metrics.SelectMany(m => m.After));
        return new CalibrationResult(counts, terms,
            metrics.Select(m => Metric(m.Group, m.Before.Count, m.Before, m.After)).ToList(), overall, calibrated);
    }

    /// <summary>The counts as one line: "120 tests: 3 not radio, ...".</summary>
    public static string Describe(CalibrationCounts c) =>
        $"{c.Tests} tests: {c.NotRadio} not 4G/5G or without operator or download, {c.Unlocated} unlocated, {c.NoPrediction} without an operator sector in range, " +
        $"{c.Saturated} at the throughput saturation, {c.BelowFloor} below the throughput floor, {c.Used} used";

    /// <summary>The sample's RSRP predicted with the group's terms.</summary>
    public static double Apply(GroupTerms t, CalibrationSample s) =>
        t.Fitted ? s.PredictedRsrpDbm - t.OffsetDb - t.SlopeDbPerDecade * CalibrationGroupings.LogKm(s.DistanceKm) : s.PredictedRsrpDbm;

    private static (List<CalibrationSample>, CalibrationCounts, SortedDictionary<string, (string Op, string Cls)>) Join(
        IEnumerable<CalibrationTest> tests, OperatorPredictor predictor, CalibrationGrouping grouping)
    {
        var list = tests.ToList();
        var joined = list.AsParallel().AsOrdered().Select(t => JoinOne(t, predictor, grouping)).ToList();
        var samples = joined.Where(j => j.Sample is not null).Select(j => j.Sample!).OrderBy(s => s.TestId, StringComparer.Ordinal).ToList();
        var groups = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (s, t) in joined.Where(j => j.Sample is not null).Select(j => (j.Sample!, j.Test)))
            groups[s.Group] = (s.Operator, grouping.ClassOf(t.Clutter, t.RegionCode));
        int Count(string why) => joined.Count(j => j.Why == why);
        return (samples, new CalibrationCounts(list.Count, Count("radio"), Count("located"), Count("prediction"), Count("saturated"), Count("floor"), samples.Count), groups);
    }

    private static (CalibrationSample? Sample, CalibrationTest Test, string? Why) JoinOne(CalibrationTest t, OperatorPredictor predictor, CalibrationGrouping grouping)
    {
        if (t.OperatorId is null || !OperatorPredictor.IsRadio(t.Access) || (t.DownMbps is null && t.RsrpDbm is null)) return (null, t, "radio");
        if (t.Location is not { } at) return (null, t, "located");
        var p = predictor.Predict(t.OperatorId, t.Access!.Value, at, t.Clutter, t.RegionCode, t.Id);
        if (p is null) return (null, t, "prediction");
        var (rsrp, sinr) = (p.Prediction.RsrpDbm!.Value, p.Prediction.SinrDb!.Value);
        var measured = t.RsrpDbm;
        if (measured is null)
        {
            var (outcome, r) = LinkChainInverse.RsrpFor(p.Carrier, rsrp, sinr, t.DownMbps!.Value);
            if (outcome == LinkChainInverse.Outcome.Saturated) return (null, t, "saturated");
            if (outcome == LinkChainInverse.Outcome.BelowFloor) return (null, t, "floor");
            measured = r;
        }
        var group = grouping.Key(t.OperatorId, t.Clutter, t.RegionCode);
        var predictedMbps = Link.CellThroughput.PeakDownlinkMbps(p.Carrier, sinr);
        var measuredMbps = t.DownMbps ?? LinkChainInverse.MbpsAt(p.Carrier, rsrp, sinr, measured.Value);
        return (new CalibrationSample(t.Id, t.OperatorId, t.SettlementId, group, at, p.DistanceKm, rsrp, measured.Value, rsrp, predictedMbps, measuredMbps), t, null);
    }

    private static List<GroupTerms> FitAll(IEnumerable<CalibrationSample> samples, SortedDictionary<string, (string Op, string Cls)> groups, int minSamples)
    {
        var by = samples.ToLookup(s => s.Group, StringComparer.Ordinal);
        return groups.Select(g => TermsFit.Fit(g.Key, g.Value.Op, g.Value.Cls,
            by[g.Key].Select(s => (CalibrationGroupings.LogKm(s.DistanceKm), s.PredictedRsrpDbm - s.MeasuredRsrpDbm)).ToList(), minSamples)).ToList();
    }

    private static List<(string Group, List<double> Before, List<double> After)> CrossValidate(
        List<CalibrationSample> samples, SortedDictionary<string, (string Op, string Cls)> groups, CalibrationOptions o)
    {
        var order = Enumerable.Range(0, samples.Count).ToArray();
        new Random(o.Seed).Shuffle(order);
        var fold = new int[samples.Count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % o.Folds;
        var result = groups.Keys.ToDictionary(g => g, _ => (Before: new List<double>(), After: new List<double>()), StringComparer.Ordinal);
        for (var f = 0; f < o.Folds; f++)
        {
            var k = f;
            var terms = FitAll(samples.Where((_, i) => fold[i] != k), groups, o.MinSamples).ToDictionary(t => t.Group, StringComparer.Ordinal);
            for (var i = 0; i < samples.Count; i++)
            {
                if (fold[i] != k) continue;
                var s = samples[i];
                result[s.Group].Before.Add(s.MeasuredRsrpDbm - s.PredictedRsrpDbm);
                result[s.Group].After.Add(s.MeasuredRsrpDbm - Apply(terms[s.Group], s));
            }
        }
        return result.Select(r => (r.Key, r.Value.Before, r.Value.After)).ToList();
    }

    private static GroupMetrics Metric(string group, int n, IEnumerable<double> before, IEnumerable<double> after)
    {
        var (b, a) = (before.ToArray(), after.ToArray());
        return new GroupMetrics(group, n, Mean(b), Rmse(b), Mean(a), Rmse(a));
    }

    private static double Mean(double[] v) => v.Length == 0 ? double.NaN : v.Average();

    private static double Rmse(double[] v) => v.Length == 0 ? double.NaN : Math.Sqrt(v.Average(x => x * x));
}
