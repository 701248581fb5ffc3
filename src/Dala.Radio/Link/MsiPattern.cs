namespace Dala.Radio.Link;

/// <summary>
/// A measured pattern in the MSI/Planet text layout (read with <see cref="MsiPatternReader"/>). The horizontal cut is
/// read at the azimuth offset (file angles counted the same way, clockwise from boresight); the vertical cut at the
/// depression angle (file angle 0 = horizon in front, 90 = nadir, 270 = zenith, the layout's convention), so its
/// electrical tilt comes with the data. The two losses add, as in the 3GPP model, and the sum is limited to the deepest
/// loss either cut shows (the role of A_m).
/// </summary>
public sealed class MsiPattern(string name, double? frequencyMHz, double peakGainDbi, string? tilt, PatternCut horizontal, PatternCut vertical) : IAntennaPattern
{
    public string Name { get; } = name ?? "";

    /// <summary>FREQUENCY, MHz, when the file gives it.</summary>
    public double? FrequencyMHz { get; } = frequencyMHz;

    /// <summary>GAIN converted to dBi (a dBd value, or one without unit, + 2.15 dB).</summary>
    public double PeakGainDbi { get; } = peakGainDbi;

    /// <summary>TILT as written (e.g. "ELECTRICAL" or "6"), or null; the vertical data already contains the electrical tilt.</summary>
    public string? Tilt { get; } = tilt;

    public PatternCut Horizontal { get; } = horizontal ?? throw new ArgumentNullException(nameof(horizontal));

    public PatternCut Vertical { get; } = vertical ?? throw new ArgumentNullException(nameof(vertical));

    public double GainDb(double azimuthOffDeg, double elevationDeg)
    {
        var loss = Horizontal.LossAt(azimuthOffDeg) + Vertical.LossAt(-Angles.CheckFinite(elevationDeg, nameof(elevationDeg)));
        return 0.0 - Math.Min(loss, Math.Max(Horizontal.MaxLossDb, Vertical.MaxLossDb));
    }
}
