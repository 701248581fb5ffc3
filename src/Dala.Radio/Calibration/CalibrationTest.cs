using Dala.Geo;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Radio.Calibration;

/// <summary>
/// One valid measured test as calibration reads it: where, which operator and access, its clutter class (from its
/// settlement's kind, rural when none) and region, the download measured, and the RSRP when the test carries one.
/// </summary>
public sealed record CalibrationTest(string Id, DateTimeOffset Time, LonLat? Location, string? OperatorId, Technology? Access, string? SettlementId,
    string? RegionCode, Clutter Clutter, double? DownMbps, double? RsrpDbm, bool Synthetic);

/// <summary>
/// One test joined to its prediction: predicted and measured RSRP (the measured one from the test or from its throughput
/// through <see cref="LinkChainInverse"/>), predicted and measured throughput, and the distance to the serving site.
/// <see cref="CalibratedRsrpDbm"/> is the prediction with the final terms.
/// </summary>
public sealed record CalibrationSample(string TestId, string Operator, string? SettlementId, string Group, LonLat Location, double DistanceKm,
    double PredictedRsrpDbm, double MeasuredRsrpDbm, double CalibratedRsrpDbm, double PredictedMbps, double MeasuredMbps)
{
    public double ResidualBeforeDb => MeasuredRsrpDbm - PredictedRsrpDbm;

    public double ResidualAfterDb => MeasuredRsrpDbm - CalibratedRsrpDbm;
}
