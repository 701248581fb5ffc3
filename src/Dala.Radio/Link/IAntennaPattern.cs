namespace Dala.Radio.Link;

/// <summary>
/// An antenna's radiation pattern relative to its peak: 0 dB at the peak, negative elsewhere. Angles are in the
/// antenna's own frame: <c>azimuthOffDeg</c> is the horizontal angle from boresight (clockwise positive, any finite
/// value, wrapped); <c>elevationDeg</c> is the vertical angle from the antenna's horizontal plane, positive up
/// (<see cref="Sector"/> passes the receiver's elevation plus the mechanical downtilt, so a pattern must take any finite value).
/// The peak gain in dBi is part of the sector's EIRP.
/// </summary>
public interface IAntennaPattern
{
    /// <summary>Gain relative to the peak, dB (&lt;= 0).</summary>
    double GainDb(double azimuthOffDeg, double elevationDeg);
}
