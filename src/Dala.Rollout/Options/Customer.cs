using Dala.Registry.Model;

namespace Dala.Rollout.Options;

/// <summary>
/// A settlement the plan must serve (rural, not at the target today), with its demand, its node in the fibre
/// network (-1 when the network does not reach it) and whether it is broadband today.
/// </summary>
public sealed record Customer(int Index, Settlement Settlement, Demand.Demand Demand, int Node, bool BroadbandToday)
{
    public string Id => Settlement.Id;

    public string Region => Settlement.RegionCode;
}
