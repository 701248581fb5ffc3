namespace Dala.Radio.Itm;

/// <summary>What ITM answers for one path (a struct: a call allocates nothing for its answer).</summary>
/// <param name="BasicTransmissionLossDb">Basic transmission loss A, dB (free space + reference attenuation + variability).</param>
/// <param name="Mode">The propagation mechanism of the reference attenuation.</param>
/// <param name="Warnings">Soft validity warnings; <see cref="ItmWarnings.None"/> when every input is well inside ITM's ranges.</param>
/// <param name="Details">The intermediate values (NTIA's IntermediateValues).</param>
public readonly record struct ItmResult(double BasicTransmissionLossDb, PropagationMode Mode, ItmWarnings Warnings, ItmDetails Details)
{
    public bool HasWarnings => Warnings != ItmWarnings.None;

    public PathLossResult ToPathLoss() => new(BasicTransmissionLossDb, Mode) { Warnings = Warnings.Describe() };
}

/// <summary>ITM's intermediate values for one path.</summary>
/// <param name="ReferenceAttenuationDb">Median attenuation relative to free space, A_ref, dB.</param>
/// <param name="FreeSpaceLossDb">Free-space basic transmission loss, dB.</param>
/// <param name="DistanceKm">Path length, km.</param>
/// <param name="TerrainIrregularityM">Terrain irregularity Delta h, m (computed from the profile in point-to-point mode).</param>
/// <param name="SurfaceRefractivityNs">Surface refractivity at the path's elevation, N-units.</param>
/// <param name="HorizonAngleRad">Horizon elevation angles, radians.</param>
/// <param name="HorizonDistanceM">Horizon distances, m.</param>
/// <param name="EffectiveHeightM">Effective antenna heights, m.</param>
public readonly record struct ItmDetails(
    double ReferenceAttenuationDb,
    double FreeSpaceLossDb,
    double DistanceKm,
    double TerrainIrregularityM,
    double SurfaceRefractivityNs,
    TerminalPair HorizonAngleRad,
    TerminalPair HorizonDistanceM,
    TerminalPair EffectiveHeightM);
