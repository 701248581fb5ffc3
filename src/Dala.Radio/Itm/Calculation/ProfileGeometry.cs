using System.Runtime.CompilerServices;

namespace Dala.Radio.Itm.Calculation;

/// <summary>Point-to-point mode: the path geometry ITM extracts from a terrain profile (NTIA's QuickPfl).</summary>
internal static class ProfileGeometry
{
    /// <summary>Mean elevation of the profile ignoring the first and last 10 %, m: sets the surface refractivity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the profile, run per path: skip tier-0
    public static double MeanElevation(ReadOnlySpan<double> z)
    {
        var np = z.Length - 1;
        var p10 = (int)(0.1 * np);
        var sum = 0.0;
        for (var i = p10; i <= np - p10; i++) sum += z[i];
        return sum / (np - 2 * p10 + 1);
    }

    public static PathGeometry Analyse(ReadOnlySpan<double> z, double stepM, double earthRadiusM, TerminalPair heightM)
    {
        var np = z.Length - 1;
        var d = np * stepM;
        var (theta, dHzn) = Horizons.Find(z, stepM, earthRadiusM, heightM);

        // Terrain is considered from about 15 tower heights out [Hufford, 1982, p. 25], or 10 % of the horizon distance.
        var start = Math.Min(15.0 * heightM.Tx, 0.1 * dHzn.Tx);
        var end = d - Math.Min(15.0 * heightM.Rx, 0.1 * dHzn.Rx);
        var deltaH = TerrainIrregularity.DeltaH(z, stepM, start, end);

        if (dHzn.Tx + dHzn.Rx > 1.5 * d)
            return LineOfSight(z, stepM, earthRadiusM, heightM, d, deltaH, start, end);

        var (fitTx, _) = LeastSquaresFit.Fit(z, stepM, start, 0.9 * dHzn.Tx);
        var (_, fitRx) = LeastSquaresFit.Fit(z, stepM, d - 0.9 * dHzn.Rx, end);
        var he = new TerminalPair(heightM.Tx + Numeric.Dim(z[0], fitTx), heightM.Rx + Numeric.Dim(z[np], fitRx));
        return new PathGeometry(d, deltaH, heightM, he, dHzn, theta);
    }

    /// <summary>Well within line of sight (horizons 50 % beyond the path): horizons as over smooth but irregular earth.</summary>
    private static PathGeometry LineOfSight(ReadOnlySpan<double> z, double stepM, double earthRadiusM, TerminalPair heightM, double d, double deltaH, double start, double end)
    {
        var np = z.Length - 1;
        var (fitTx, fitRx) = LeastSquaresFit.Fit(z, stepM, start, end);
        var heTx = heightM.Tx + Numeric.Dim(z[0], fitTx);
        var heRx = heightM.Rx + Numeric.Dim(z[np], fitRx);
        var dTx = TerrainStatistics.HorizonDistance(Math.Sqrt(2.0 * heTx * earthRadiusM), deltaH, heTx);
        var dRx = TerrainStatistics.HorizonDistance(Math.Sqrt(2.0 * heRx * earthRadiusM), deltaH, heRx);

        var combined = dTx + dRx;
        if (combined <= d)
        {
            var q = Numeric.Square(d / combined);
            heTx *= q;
            heRx *= q;
            dTx = TerrainStatistics.HorizonDistance(Math.Sqrt(2.0 * heTx * earthRadiusM), deltaH, heTx);
            dRx = TerrainStatistics.HorizonDistance(Math.Sqrt(2.0 * heRx * earthRadiusM), deltaH, heRx);
        }

        var sTx = Math.Sqrt(2.0 * heTx * earthRadiusM);
        var sRx = Math.Sqrt(2.0 * heRx * earthRadiusM);
        var theta = new TerminalPair(
            TerrainStatistics.HorizonAngle(sTx, dTx, deltaH, heTx),
            TerrainStatistics.HorizonAngle(sRx, dRx, deltaH, heRx));
        return new PathGeometry(d, deltaH, heightM, new TerminalPair(heTx, heRx), new TerminalPair(dTx, dRx), theta);
    }
}
