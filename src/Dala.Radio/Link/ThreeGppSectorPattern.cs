namespace Dala.Radio.Link;

/// <summary>
/// The 3GPP parabolic sector pattern (TR 36.814 V9 Annex A.2.1.1, Table A.2.1.1-2; TR 38.901 Table 7.3-1):
/// A_H(phi) = -min(12 (phi/phi_3dB)^2, A_m), A_V(theta) = -min(12 (theta/theta_3dB)^2, SLA_V),
/// A = -min(-(A_H + A_V), A_m), with theta measured from the (tilted) boresight: the 3GPP "theta - theta_tilt" is
/// obtained by giving the downtilt to <see cref="Sector"/>.
/// </summary>
public sealed record ThreeGppSectorPattern : IAntennaPattern
{
    /// <param name="horizontalBeamwidthDeg">phi_3dB, degrees.</param>
    /// <param name="verticalBeamwidthDeg">theta_3dB, degrees.</param>
    /// <param name="maxAttenuationDb">A_m (front-to-back ratio), dB.</param>
    /// <param name="verticalSideLobeDb">SLA_V, dB.</param>
    public ThreeGppSectorPattern(double horizontalBeamwidthDeg, double verticalBeamwidthDeg, double maxAttenuationDb, double verticalSideLobeDb)
    {
        HorizontalBeamwidthDeg = horizontalBeamwidthDeg;
        VerticalBeamwidthDeg = verticalBeamwidthDeg;
        MaxAttenuationDb = maxAttenuationDb;
        VerticalSideLobeDb = verticalSideLobeDb;
    }

    /// <summary>TR 36.814 Table A.2.1.1-2 (3-sector macro): phi_3dB 70 deg, theta_3dB 10 deg, A_m 25 dB, SLA_V 20 dB; peak gain 14 dBi.</summary>
    public static ThreeGppSectorPattern Tr36814 { get; } = new(70, 10, 25, 20);

    /// <summary>TR 38.901 Table 7.3-1 (one element): phi_3dB = theta_3dB = 65 deg, A_max = SLA_V = 30 dB; element gain 8 dBi.</summary>
    public static ThreeGppSectorPattern Tr38901Element { get; } = new(65, 65, 30, 30);

    /// <summary>
    /// Dala's planning default for a passive macro panel: the 3GPP formula with phi_3dB 65 deg (38.901), theta_3dB 10 deg
    /// (36.814), A_m = SLA_V = 30 dB (38.901); pair it with a peak gain of about 17 dBi. An assumption, not a 3GPP table.
    /// </summary>
    public static ThreeGppSectorPattern Planning { get; } = new(65, 10, 30, 30);

    public double HorizontalBeamwidthDeg { get; init => field = Positive(value, nameof(HorizontalBeamwidthDeg)); }

    public double VerticalBeamwidthDeg { get; init => field = Positive(value, nameof(VerticalBeamwidthDeg)); }

    public double MaxAttenuationDb { get; init => field = Positive(value, nameof(MaxAttenuationDb)); }

    public double VerticalSideLobeDb { get; init => field = Positive(value, nameof(VerticalSideLobeDb)); }

    /// <summary>A_H(phi), dB.</summary>
    public double HorizontalGainDb(double azimuthOffDeg) =>
        0.0 - Math.Min(12.0 * Square(Angles.Signed(azimuthOffDeg) / HorizontalBeamwidthDeg), MaxAttenuationDb);

    /// <summary>A_V(theta), dB, theta from the boresight, positive up.</summary>
    public double VerticalGainDb(double elevationDeg) =>
        0.0 - Math.Min(12.0 * Square(Angles.CheckFinite(elevationDeg, nameof(elevationDeg)) / VerticalBeamwidthDeg), VerticalSideLobeDb);

    public double GainDb(double azimuthOffDeg, double elevationDeg) =>
        0.0 - Math.Min(-(HorizontalGainDb(azimuthOffDeg) + VerticalGainDb(elevationDeg)), MaxAttenuationDb);

    private static double Square(double x) => x * x;

    private static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "must be a positive finite number");
}
