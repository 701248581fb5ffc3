namespace Dala.Radio.Link;

/// <summary>
/// A sector: one carrier radiated through one antenna pattern, pointed at <see cref="AzimuthDeg"/> and tilted down by
/// <see cref="DowntiltDeg"/> (for a 3GPP pattern the total tilt; for a measured pattern the mechanical tilt, its
/// electrical tilt being in the data). Tilt is applied as an elevation shift, exact at boresight azimuth.
/// </summary>
/// <param name="Carrier">The downlink carrier.</param>
/// <param name="EirpDbm">Peak EIRP per antenna port (the port carrying the reference signals), dBm: transmit power + peak antenna gain - feeder loss.</param>
/// <param name="Pattern">Antenna pattern relative to its peak.</param>
/// <param name="AzimuthDeg">Boresight bearing, degrees clockwise from north.</param>
/// <param name="DowntiltDeg">Downtilt, degrees (positive down).</param>
public sealed record Sector(Carrier Carrier, double EirpDbm, IAntennaPattern Pattern, double AzimuthDeg, double DowntiltDeg = 0)
{
    /// <summary>A sector from transmitter power and antenna gain: EIRP = power + gain - feeder loss.</summary>
    public static Sector FromTransmitter(Carrier carrier, double txPowerDbm, double antennaGainDbi, IAntennaPattern pattern,
        double azimuthDeg, double downtiltDeg = 0, double feederLossDb = 0) =>
        new(carrier, txPowerDbm + antennaGainDbi - feederLossDb, pattern, azimuthDeg, downtiltDeg);

    /// <summary>The pattern's gain towards the receiver, dB relative to the peak.</summary>
    public double PatternGainDb(LinkGeometry geometry)
    {
        var g = geometry.Checked();
        ArgumentNullException.ThrowIfNull(Pattern);
        return Pattern.GainDb(Angles.Signed(g.AzimuthDeg - AzimuthDeg), g.ElevationDeg + DowntiltDeg);
    }

    /// <summary>EIRP towards the receiver, dBm.</summary>
    public double EirpTowardsDbm(LinkGeometry geometry) => EirpDbm + PatternGainDb(geometry);
}
