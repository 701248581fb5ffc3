namespace Dala.Radio.Calibration;

/// <summary>
/// The fitted terms of one group: the path loss becomes L' = L + OffsetDb + SlopeDbPerDecade x log10(d / 1 km), so the
/// predicted RSRP falls by the same. Standard errors from the least-squares fit. A group with too few samples has
/// <see cref="Fitted"/> false, zero terms and a <see cref="Note"/> saying why.
/// </summary>
public sealed record GroupTerms(string Group, string Operator, string Class, int N, bool Fitted, double OffsetDb, double SlopeDbPerDecade,
    double? OffsetSeDb, double? SlopeSeDb, string? Note);

/// <summary>Bias (mean of measured - predicted RSRP, dB) and RMSE before and after calibration, on held-out folds.</summary>
public sealed record GroupMetrics(string Group, int N, double BiasBeforeDb, double RmseBeforeDb, double BiasAfterDb, double RmseAfterDb);

/// <summary>
/// What happened to the tests read: not radio (no 4G/5G access), unlocated, no operator site of that technology within
/// the search radius, measured throughput at the link chain's saturation (no RSRP can be told) or below its floor
/// (no service at the chain's lowest SINR), and those used.
/// </summary>
public sealed record CalibrationCounts(int Tests, int NotRadio, int Unlocated, int NoPrediction, int Saturated, int BelowFloor, int Used);
