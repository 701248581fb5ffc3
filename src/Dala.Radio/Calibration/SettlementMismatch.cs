using Dala.Geo;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Radio.Calibration;

/// <summary>
/// A settlement where the prediction and the tests disagree for one operator and access: predicted covered but measured
/// dead (median download below <see cref="SettlementMismatches.DeadMbps"/>), or predicted uncovered but measured live;
/// with the evidence: tests, their median, the predicted RSRP and throughput at the settlement, and the calibrated RSRP.
/// </summary>
public sealed record SettlementMismatch(string SettlementId, string Operator, string Access, string Kind, LonLat Location, int Tests, double MedianMbps,
    double? PredictedRsrpDbm, double? PredictedMbps, double? CalibratedRsrpDbm, bool CalibratedCovered);

public static class SettlementMismatches
{
    public const double DeadMbps = 1.0;
    public const int MinTests = 3;
    public const string CoveredButDead = "predicted-covered-measured-dead";
    public const string UncoveredButLive = "predicted-uncovered-measured-live";

    /// <summary>A settlement as a mismatch needs it.</summary>
    public delegate (LonLat Location, Clutter Clutter, string? Region)? Place(string settlementId);

    /// <summary>
    /// Groups the tests (all with a settlement, operator, 4G/5G access and download, whatever the link chain makes of
    /// them) per settlement, operator and access; those with at least <see cref="MinTests"/> tests whose measured state
    /// contradicts the prediction at the settlement are listed, worst evidence (most tests) first.
    /// </summary>
    public static IReadOnlyList<SettlementMismatch> Find(IEnumerable<CalibrationTest> tests, OperatorPredictor predictor, ModelCorrection? correction, Place place)
    {
        var found = new List<SettlementMismatch>();
        var groups = tests.Where(t => t.SettlementId is not null && t.OperatorId is not null && OperatorPredictor.IsRadio(t.Access) && t.DownMbps is not null)
            .GroupBy(t => (t.SettlementId!, t.OperatorId!, t.Access!.Value));
        foreach (var g in groups.OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal).ThenBy(g => g.Key.Item3))
        {
            var downs = g.Select(t => t.DownMbps!.Value).Order().ToArray();
            if (downs.Length < MinTests || place(g.Key.Item1) is not { } at) continue;
            var median = downs.Length % 2 == 1 ? downs[downs.Length / 2] : (downs[downs.Length / 2 - 1] + downs[downs.Length / 2]) / 2;
            var p = predictor.Predict(g.Key.Item2, g.Key.Item3, at.Location, at.Clutter, at.Region, g.Key.Item1);
            var covered = p?.Prediction.Covered ?? false;
            var dead = median < DeadMbps;
            if (covered != dead) continue;
            double? calibrated = p is null ? null
                : p.Prediction.RsrpDbm!.Value - (correction?.ExtraLossDb(g.Key.Item2, at.Clutter, at.Region, p.DistanceKm) ?? 0);
            found.Add(new SettlementMismatch(g.Key.Item1, g.Key.Item2, g.Key.Item3.WireName(), covered ? CoveredButDead : UncoveredButLive, at.Location,
                downs.Length, median, p?.Prediction.RsrpDbm, p?.Prediction.PeakMbps, calibrated, calibrated >= predictor.Settings.CoveredRsrpDbm));
        }
        return found.OrderByDescending(m => m.Tests).ThenBy(m => m.SettlementId, StringComparer.Ordinal).ToList();
    }
}
