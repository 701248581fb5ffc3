namespace Dala.Radio.Link;

/// <summary>An omnidirectional antenna: the same gain in every direction (its peak gain goes in the sector's EIRP).</summary>
public sealed class OmniPattern : IAntennaPattern
{
    public static OmniPattern Instance { get; } = new();

    public double GainDb(double azimuthOffDeg, double elevationDeg)
    {
        Angles.Positive(azimuthOffDeg);
        Angles.CheckFinite(elevationDeg, nameof(elevationDeg));
        return 0.0;
    }
}
