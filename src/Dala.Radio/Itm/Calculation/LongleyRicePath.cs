namespace Dala.Radio.Itm.Calculation;

/// <summary>A path's geometry and radio parameters with the derived distances every loss formula uses.</summary>
internal readonly struct LongleyRicePath
{
    public LongleyRicePath(in PathGeometry geometry, in RadioParameters radio, bool pointToPoint)
    {
        Geometry = geometry;
        Radio = radio;
        PointToPoint = pointToPoint;
        EarthRadiusM = 1 / radio.EarthCurvature;
        SmoothEarthHorizonM = new TerminalPair(
            Math.Sqrt(2.0 * geometry.EffectiveHeightM.Tx * EarthRadiusM),
            Math.Sqrt(2.0 * geometry.EffectiveHeightM.Rx * EarthRadiusM));
        SmoothEarthLineOfSightM = SmoothEarthHorizonM.Tx + SmoothEarthHorizonM.Rx;
        LineOfSightM = geometry.HorizonDistanceM.Tx + geometry.HorizonDistanceM.Rx;
        ThetaLos = -Math.Max(geometry.HorizonAngleRad.Tx + geometry.HorizonAngleRad.Rx, -LineOfSightM / EarthRadiusM);
    }

    public PathGeometry Geometry { get; }

    public RadioParameters Radio { get; }

    /// <summary>Point-to-point mode (path parameters known) rather than area mode.</summary>
    public bool PointToPoint { get; }

    /// <summary>Effective earth radius a_e, m.</summary>
    public double EarthRadiusM { get; }

    /// <summary>Horizon distances over a smooth earth, m.</summary>
    public TerminalPair SmoothEarthHorizonM { get; }

    /// <summary>Maximum line-of-sight distance over a smooth earth, d_sML, m.</summary>
    public double SmoothEarthLineOfSightM { get; }

    /// <summary>Maximum line-of-sight distance of the actual path, d_ML (sum of the horizon distances), m.</summary>
    public double LineOfSightM { get; }

    /// <summary>Angular distance of the line-of-sight region, theta_los, radians.</summary>
    public double ThetaLos { get; }

    /// <summary>(a_e^2 / f)^(1/3), the scale of the diffraction region, m.</summary>
    public double DiffractionScaleM => Math.Pow(Math.Pow(EarthRadiusM, 2) / Radio.FrequencyMHz, 1.0 / 3.0);
}

/// <summary>The straight line ITM fits to diffraction loss far beyond the horizon, A_d(d) = slope d + intercept.</summary>
internal readonly record struct DiffractionLine(double SlopeDbPerM, double InterceptDb)
{
    public double At(double distanceM) => SlopeDbPerM * distanceM + InterceptDb;
}
