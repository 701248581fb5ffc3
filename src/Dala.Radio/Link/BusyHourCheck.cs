namespace Dala.Radio.Link;

/// <summary>Does a sector give every active user of a settlement the target rate at the busy hour?</summary>
public static class BusyHourCheck
{
    /// <summary>
    /// Shares <paramref name="cellCapacityMbps"/> (e.g. <see cref="CellThroughput.PeakDownlinkMbps"/> at the settlement's
    /// SINR) among the busy hour's active users of a settlement of <paramref name="population"/>.
    /// </summary>
    public static BusyHourResult Evaluate(int population, double cellCapacityMbps, BusyHourAssumptions? assumptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        if (!double.IsFinite(cellCapacityMbps) || cellCapacityMbps < 0)
            throw new ArgumentOutOfRangeException(nameof(cellCapacityMbps), cellCapacityMbps, "the cell capacity must be a finite number of Mbit/s >= 0");
        var a = assumptions ?? BusyHourAssumptions.Default;
        var subscribers = population * a.Penetration;
        var active = subscribers * a.BusyHourActiveShare;
        var perUser = Math.Min(a.PeakUserRateMbps, cellCapacityMbps / Math.Max(1.0, active));
        return new BusyHourResult(subscribers, active, perUser, perUser >= a.TargetMbps);
    }
}
