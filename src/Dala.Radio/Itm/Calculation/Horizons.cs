using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dala.Radio.Itm.Calculation;

/// <summary>The radio horizons of both terminals along a profile, over an earth of effective radius a_e.</summary>
internal static class Horizons
{
    /// <returns>Horizon elevation angles (radians) and distances (m) of the transmitter and the receiver.</returns>
    /// <remarks>
    /// Four points a step with Vector256 when the hardware has it: the distances are still accumulated one step at a
    /// time (the same additions as the scalar loop), each lane divides exactly as the scalar code, and the lanes are
    /// compared in order with a strict greater-than, so the first point wins ties: the bits equal the scalar scan's.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the profile, run per path: skip tier-0
    public static (TerminalPair AngleRad, TerminalPair DistanceM) Find(ReadOnlySpan<double> z, double stepM, double earthRadiusM, TerminalPair heightM)
    {
        var np = z.Length - 1;
        var d = np * stepM;
        var zTx = z[0] + heightM.Tx;
        var zRx = z[np] + heightM.Rx;
        var twoA = 2 * earthRadiusM;

        // As if the terminals saw each other [TN101, Eq 6.15].
        var thetaTx = (zRx - zTx) / d - d / twoA;
        var thetaRx = -(zRx - zTx) / d - d / twoA;
        var dTx = d;
        var dRx = d;

        var fromTx = 0.0;
        var fromRx = d;
        var i = 1;
        if (Vector256.IsHardwareAccelerated && np > 4)
        {
            var vzTx = Vector256.Create(zTx);
            var vzRx = Vector256.Create(zRx);
            var vTwoA = Vector256.Create(twoA);
            for (; i + 3 < np; i += 4)
            {
                var t0 = fromTx + stepM;
                var t1 = t0 + stepM;
                var t2 = t1 + stepM;
                var t3 = t2 + stepM;
                var r0 = fromRx - stepM;
                var r1 = r0 - stepM;
                var r2 = r1 - stepM;
                var r3 = r2 - stepM;
                var vt = Vector256.Create(t0, t1, t2, t3);
                var vr = Vector256.Create(r0, r1, r2, r3);
                var vz = Vector256.Create(z.Slice(i, 4));
                var tx = (vz - vzTx) / vt - vt / vTwoA;
                var rx = -(vzRx - vz) / vr - vr / vTwoA;
                if (Vector256.GreaterThanAny(tx, Vector256.Create(thetaTx)))
                {
                    for (var k = 0; k < 4; k++)
                    {
                        if (tx.GetElement(k) > thetaTx) { thetaTx = tx.GetElement(k); dTx = vt.GetElement(k); }
                    }
                }
                if (Vector256.GreaterThanAny(rx, Vector256.Create(thetaRx)))
                {
                    for (var k = 0; k < 4; k++)
                    {
                        if (rx.GetElement(k) > thetaRx) { thetaRx = rx.GetElement(k); dRx = vr.GetElement(k); }
                    }
                }
                fromTx = t3;
                fromRx = r3;
            }
        }
        for (; i < np; i++)
        {
            fromTx += stepM;
            fromRx -= stepM;
            var tx = (z[i] - zTx) / fromTx - fromTx / twoA;
            var rx = -(zRx - z[i]) / fromRx - fromRx / twoA;
            if (tx > thetaTx) { thetaTx = tx; dTx = fromTx; }
            if (rx > thetaRx) { thetaRx = rx; dRx = fromRx; }
        }
        return (new TerminalPair(thetaTx, thetaRx), new TerminalPair(dTx, dRx));
    }
}
