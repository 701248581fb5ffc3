namespace Dala.Events.Capacity;

/// <summary>How demand is split between operators: equally between the operators with radio sites, or by given market shares.</summary>
public enum DemandSplit
{
    Equal,
    MarketShare,
}

/// <summary>
/// Busy-hour demand of a crowd: crowd x share active x Mbit/s per active user, then split between operators. The defaults come
/// from one measured event so that they fit together: the College Football Playoff final at Levi's Stadium, Santa Clara,
/// 9 January 2017 (74,814 attending; the stadium's Wi-Fi saw 11,674 concurrent users at its peak and a peak rate of
/// 3.81 Gbit/s; Mobile Sports Report, "Levi's Stadium sees 5.1 TB of Wi-Fi data used at college football championship",
/// 2017). They count Wi-Fi only and are from 2017, so they are a floor: raise them per study. 3GPP TS 22.261 (Table
/// 7.1-1, "broadband access in a crowd") asks 5G to give 25 Mbit/s to each of 30% active users: --share-active 0.3
/// --mbps-per-user 25 plans for that target instead.
/// </summary>
public sealed record DemandAssumptions
{
    /// <summary>Share of the crowd transferring at the busiest moment: 0.156 = 11,674 / 74,814 (Levi's Stadium, 2017, above).</summary>
    public double ShareActive { get; init => field = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ShareActive), value, "a share must be within (0, 1]"); } = 0.156;

    /// <summary>Mbit/s each active user takes at the busiest moment: 0.326 = 3.81 Gbit/s / 11,674 users (Levi's Stadium, 2017, above).</summary>
    public double MbpsPerActiveUser { get; init => field = double.IsFinite(value) && value is > 0 and <= 10_000 ? value : throw new ArgumentOutOfRangeException(nameof(MbpsPerActiveUser), value, "Mbit/s per user must be within (0, 10000]"); } = 0.326;

    /// <summary>Equal split by default (Kazakhstan's operators publish no market shares by city).</summary>
    public DemandSplit Split { get; init; } = DemandSplit.Equal;

    /// <summary>Market shares by operator id (each 0..1, summing to at most 1) when <see cref="Split"/> is MarketShare.</summary>
    public IReadOnlyDictionary<string, double> MarketShares { get; init; } = new Dictionary<string, double>();

    public static DemandAssumptions Default { get; } = new();

    /// <summary>Busy-hour demand of the whole crowd, Mbit/s.</summary>
    public double TotalMbps(int crowd) => crowd * ShareActive * MbpsPerActiveUser;

    /// <summary>Why the market shares cannot be used, or null.</summary>
    public string? SharesProblem()
    {
        if (Split != DemandSplit.MarketShare) return null;
        if (MarketShares.Count == 0) return "a market-share split needs at least one share";
        foreach (var (op, s) in MarketShares)
            if (!double.IsFinite(s) || s is < 0 or > 1) return FormattableString.Invariant($"{op}'s share {s} is outside 0..1");
        return MarketShares.Values.Sum() > 1 + 1e-9 ? "the shares add up to more than 1" : null;
    }
}
