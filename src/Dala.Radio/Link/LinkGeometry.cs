namespace Dala.Radio.Link;

/// <summary>Where the receiver is as seen from the site's antenna.</summary>
/// <param name="AzimuthDeg">Bearing from the site to the receiver, degrees clockwise from north.</param>
/// <param name="ElevationDeg">Angle of the receiver above the site antenna's horizontal plane, degrees (negative below), -90..90.</param>
public readonly record struct LinkGeometry(double AzimuthDeg, double ElevationDeg)
{
    /// <summary>The geometry over a flat earth: elevation = atan((receiver height - antenna height) / distance), heights above the same datum.</summary>
    public static LinkGeometry FromHeights(double azimuthDeg, double distanceM, double antennaHeightM, double receiverHeightM)
    {
        if (!double.IsFinite(distanceM) || distanceM <= 0) throw new ArgumentOutOfRangeException(nameof(distanceM), distanceM, "the distance must be a positive number of metres");
        var elevation = Math.Atan2(receiverHeightM - antennaHeightM, distanceM) * 180.0 / Math.PI;
        return new LinkGeometry(azimuthDeg, elevation).Checked();
    }

    /// <summary>This geometry, or an exception when an angle is not finite or the elevation is outside -90..90.</summary>
    public LinkGeometry Checked()
    {
        if (!double.IsFinite(AzimuthDeg)) throw new ArgumentOutOfRangeException(nameof(AzimuthDeg), AzimuthDeg, "the azimuth must be a finite number of degrees");
        if (!(ElevationDeg >= -90 && ElevationDeg <= 90)) throw new ArgumentOutOfRangeException(nameof(ElevationDeg), ElevationDeg, "the elevation must be within -90..90 degrees");
        return this;
    }
}
