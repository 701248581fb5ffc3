namespace Dala.Radio.Itm.Calculation;

/// <summary>Area mode: effective heights and horizons estimated from Delta h and the siting criteria [Algorithm, Eqns 3.2-3.4].</summary>
internal static class AreaGeometry
{
    public static PathGeometry Estimate(double distanceM, double deltaHM, TerminalPair heightM, SitingCriteria txSiting, SitingCriteria rxSiting, double earthCurvature)
    {
        var (heTx, dTx, thetaTx) = Terminal(heightM.Tx, txSiting, deltaHM, earthCurvature);
        var (heRx, dRx, thetaRx) = Terminal(heightM.Rx, rxSiting, deltaHM, earthCurvature);
        return new PathGeometry(distanceM, deltaHM, heightM, new(heTx, heRx), new(dTx, dRx), new(thetaTx, thetaRx));
    }

    private static (double EffectiveHeight, double HorizonDistance, double HorizonAngle) Terminal(double h, SitingCriteria siting, double deltaH, double gammaE)
    {
        var he = h;
        if (siting != SitingCriteria.Random)
        {
            // Careful siting finds local high ground: up to B metres more, less where the terrain is smooth.
            var b = siting == SitingCriteria.Careful ? 4.0 : 9.0;
            if (h < 5.0) b *= Math.Sin(0.1 * Math.PI * h);
            he = h + (1.0 + b) * Math.Exp(-Math.Min(20.0, 2.0 * h / Math.Max(1e-3, deltaH))); // [Algorithm, Eqn 3.2]
        }

        var smoothEarth = Math.Sqrt(2.0 * he / gammaE);
        var horizon = TerrainStatistics.HorizonDistance(smoothEarth, deltaH, he);
        return (he, horizon, TerrainStatistics.HorizonAngle(smoothEarth, horizon, deltaH, he));
    }
}
