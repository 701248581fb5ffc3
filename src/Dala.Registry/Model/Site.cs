using Dala.Geo;

namespace Dala.Registry.Model;

/// <summary>
/// A radio site: a mast at a location with its sectors. Ground height is the terrain under the mast when known
/// (else taken from the DEM, or unknown); the mast height is above ground.
/// </summary>
public sealed record Site(
    string Id,
    string? Name,
    LonLat Location,
    double? GroundM,
    double MastM,
    string? OperatorId,
    IReadOnlyList<Sector> Sectors,
    string Source,
    bool Synthetic)
{
    public bool Equals(Site? other) =>
        other is not null && Id == other.Id && Name == other.Name && Location == other.Location && GroundM == other.GroundM &&
        MastM == other.MastM && OperatorId == other.OperatorId && Source == other.Source && Synthetic == other.Synthetic &&
        Sectors.SequenceEqual(other.Sectors);

    public override int GetHashCode() => HashCode.Combine(Id, Location, MastM, Sectors.Count);
}

/// <summary>
/// One sector (cell) of a site: where it points, its carrier and power, and its antenna pattern
/// ("3gpp" for the 3GPP parabolic sector model, "omni", or the name of an imported pattern file).
/// </summary>
public sealed record Sector(
    string Id,
    double AzimuthDeg,
    double TiltDeg,
    double FrequencyMHz,
    double BandwidthMHz,
    double EirpDbm,
    string Pattern,
    Technology Technology);
