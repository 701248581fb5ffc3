namespace Dala.Radio.Itm.Calculation;

/// <summary>The geometry ITM reduces a path to, from a profile (point-to-point) or from Delta h and siting (area).</summary>
/// <param name="DistanceM">Path length, m.</param>
/// <param name="DeltaHM">Terrain irregularity Delta h, m.</param>
/// <param name="StructuralHeightM">Antenna heights above ground, m.</param>
/// <param name="EffectiveHeightM">Effective antenna heights, m.</param>
/// <param name="HorizonDistanceM">Horizon distances, m.</param>
/// <param name="HorizonAngleRad">Horizon elevation angles, radians.</param>
internal readonly record struct PathGeometry(
    double DistanceM,
    double DeltaHM,
    TerminalPair StructuralHeightM,
    TerminalPair EffectiveHeightM,
    TerminalPair HorizonDistanceM,
    TerminalPair HorizonAngleRad);
