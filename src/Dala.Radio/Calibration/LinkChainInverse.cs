using Dala.Radio.Link;

namespace Dala.Radio.Calibration;

/// <summary>
/// The engine's link chain RSRP -> SINR -> peak cell throughput run forwards and backwards at one place. The interference
/// and noise of the prediction are held: a change of the serving RSRP changes the SINR by as much. Backwards, a measured
/// throughput gives the SINR the chain needs for it (bisection on the monotone mapping) and so the RSRP; throughput at the
/// chain's saturation or below its floor (where the mapping jumps from 0) tells no RSRP.
/// </summary>
public static class LinkChainInverse
{
    public enum Outcome
    {
        Ok,
        Saturated,
        BelowFloor,
    }

    private const double LowSinrDb = -30;
    private const double HighSinrDb = 40;

    /// <summary>The SINR window in which throughput tells the SINR: from the floor (the lowest SINR with any throughput) to saturation.</summary>
    public static (double FloorSinrDb, double SaturationSinrDb) Window(Carrier carrier)
    {
        var top = CellThroughput.PeakDownlinkMbps(carrier, HighSinrDb);
        double Find(Func<double, bool> above)
        {
            var (lo, hi) = (LowSinrDb, HighSinrDb);
            for (var i = 0; i < 80; i++)
            {
                var mid = (lo + hi) / 2;
                if (above(mid)) hi = mid; else lo = mid;
            }
            return hi;
        }
        return (Find(x => CellThroughput.PeakDownlinkMbps(carrier, x) > 0), Find(x => CellThroughput.PeakDownlinkMbps(carrier, x) >= top * (1 - 1e-9)));
    }

    /// <summary>Throughput (Mbit/s) where the serving RSRP is <paramref name="rsrpDbm"/> instead of the predicted one.</summary>
    public static double MbpsAt(Carrier carrier, double predictedRsrpDbm, double predictedSinrDb, double rsrpDbm) =>
        CellThroughput.PeakDownlinkMbps(carrier, predictedSinrDb + (rsrpDbm - predictedRsrpDbm));

    /// <summary>The RSRP at which the chain gives <paramref name="mbps"/>, or why there is none.</summary>
    public static (Outcome Outcome, double RsrpDbm) RsrpFor(Carrier carrier, double predictedRsrpDbm, double predictedSinrDb, double mbps)
    {
        if (!(mbps > 0)) return (Outcome.BelowFloor, double.NaN);
        var top = CellThroughput.PeakDownlinkMbps(carrier, HighSinrDb);
        if (mbps >= top * (1 - 1e-9)) return (Outcome.Saturated, double.NaN);
        var (lo, hi) = (LowSinrDb, HighSinrDb);
        for (var i = 0; i < 80; i++)
        {
            var mid = (lo + hi) / 2;
            if (CellThroughput.PeakDownlinkMbps(carrier, mid) < mbps) lo = mid; else hi = mid;
        }
        var got = CellThroughput.PeakDownlinkMbps(carrier, hi);
        if (Math.Abs(got - mbps) > 1e-6 * mbps + 1e-9) return (Outcome.BelowFloor, double.NaN); // inside the jump from 0
        return (Outcome.Ok, predictedRsrpDbm + (hi - predictedSinrDb));
    }
}
