using System.Runtime.CompilerServices;

namespace Dala.Radio.Itm.Calculation;

/// <summary>The radio horizons of both terminals along a profile, over an earth of effective radius a_e.</summary>
internal static class Horizons
{
    /// <returns>Horizon elevation angles (radians) and distances (m) of the transmitter and the receiver.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the profile, run per path: skip tier-0
    public static (TerminalPair AngleRad, TerminalPair DistanceM) Find(ReadOnlySpan<double> z, double stepM, double earthRadiusM, TerminalPair heightM)
    {
        var np = z.Length - 1;
        var d = np * stepM;
        var zTx = z[0] + heightM.Tx;
        var zRx = z[np] + heightM.Rx;

        // As if the terminals saw each other [TN101, Eq 6.15].
        var thetaTx = (zRx - zTx) / d - d / (2 * earthRadiusM);
        var thetaRx = -(zRx - zTx) / d - d / (2 * earthRadiusM);
        var dTx = d;
        var dRx = d;

        var fromTx = 0.0;
        var fromRx = d;
        for (var i = 1; i < np; i++)
        {
            fromTx += stepM;
            fromRx -= stepM;
            var tx = (z[i] - zTx) / fromTx - fromTx / (2 * earthRadiusM);
            var rx = -(zRx - z[i]) / fromRx - fromRx / (2 * earthRadiusM);
            if (tx > thetaTx) { thetaTx = tx; dTx = fromTx; }
            if (rx > thetaRx) { thetaRx = rx; dRx = fromRx; }
        }
        return (new TerminalPair(thetaTx, thetaRx), new TerminalPair(dTx, dRx));
    }
}
