namespace Dala.Rollout.Demand;

/// <summary>
/// What a settlement asks of its network: people, households (people / household size of its region), subscribers
/// (households x take-up); at the busy hour a share of the subscribers is active and shares the capacity.
/// </summary>
public sealed record Demand(int Population, bool Estimated, double HouseholdSize, double Households, double Subscribers)
{
    /// <summary>Subscribers active at the busy hour for an active share (at least one: a served settlement has a user).</summary>
    public double Active(double activeShare) => Math.Max(1.0, Subscribers * activeShare);

    /// <summary>The busy-hour rate per active subscriber when <paramref name="capacityMbps"/> is shared among them.</summary>
    public double PerSubscriberMbps(double capacityMbps, double activeShare) => capacityMbps / Active(activeShare);

    /// <summary>Whole subscribing households to equip (CPE, terminals, drops): at least one.</summary>
    public int Homes => Math.Max(1, (int)Math.Ceiling(Subscribers - 1e-9));
}
