using Dala.Events.Model;
using Dala.Registry.Model;

namespace Dala.Events.Capacity;

/// <summary>
/// One operator at the event: its share of the demand, what its serving sectors carry, the deficit, and the advice: extra
/// carriers on its serving sectors first (up to the per-sector limit), then cells on wheels (COWs) for the rest, both
/// rounded up. <see cref="CowsAlone"/> is how many COWs would cover the deficit without extra carriers.
/// </summary>
public sealed record OperatorCapacity(string OperatorId, double DemandShare, double DemandMbps, int Sectors, double CapacityMbps, double DeficitMbps,
    int ExtraCarriers, int Cows, int CowsAlone, double AddedMbps);

/// <summary>The capacity check of one event.</summary>
public sealed record EventCapacity(string EventId, double TotalDemandMbps, DemandAssumptions Demand, CapacityAssumptions Capacity,
    IReadOnlyList<OperatorCapacity> Operators, IReadOnlyList<ServingSector> Sectors, bool Synthetic)
{
    public double DeficitMbps => Operators.Sum(o => o.DeficitMbps);

    /// <summary>The assumptions as lines, each with its source.</summary>
    public IReadOnlyList<string> Assumptions =>
    [
        FormattableString.Invariant($"demand = crowd x {Demand.ShareActive} active x {Demand.MbpsPerActiveUser} Mbit/s per active user (defaults: Levi's Stadium, 9 Jan 2017, Mobile Sports Report)"),
        Demand.Split == DemandSplit.Equal ? "demand split equally between the operators with radio sites" : "demand split by the given market shares",
        FormattableString.Invariant($"a sector serves when its site is within {Capacity.ReachKm} km of the place and points at it within {Capacity.HalfBeamDeg} degrees (reach: ASSUMPTION after ITU-R M.2412 urban macro 500 m spacing)"),
        FormattableString.Invariant($"sector capacity = MHz x bit/s/Hz x (1 - {Capacity.ExistingLoad} existing load); 4G {Capacity.LteBitsPerHz} (ITU-R M.2134), 5G {Capacity.NrBitsPerHz} (ITU-R M.2410) bit/s/Hz"),
        FormattableString.Invariant($"an extra {Capacity.ExtraCarrierMHz} MHz 4G carrier adds {Capacity.ExtraCarrierMbps:0.#} Mbit/s to a sector (at most {Capacity.MaxExtraCarriersPerSector} per sector)"),
        FormattableString.Invariant($"a COW ({Capacity.CowSectors} sectors x {Capacity.CowCarrierMHz} MHz 4G) adds {Capacity.CowMbps:0.#} Mbit/s"),
    ];
}

/// <summary>Demand against capacity per operator for one event.</summary>
public static class CapacityPlanner
{
    /// <param name="operators">The operators the demand is split between when the split is equal (those with radio sites).</param>
    public static EventCapacity Run(MassEvent e, IReadOnlyList<Site> sites, IReadOnlyCollection<string> operators, DemandAssumptions demand, CapacityAssumptions capacity)
    {
        if (demand.SharesProblem() is { } why) throw new ArgumentException(why, nameof(demand));
        var sectors = ServingSectors.Find(e.Place, sites, capacity);
        var total = demand.TotalMbps(e.ExpectedCrowd);
        var ids = demand.Split == DemandSplit.MarketShare
            ? demand.MarketShares.Keys.ToList()
            : operators.Union(sectors.Select(s => s.OperatorId)).Distinct().ToList();
        ids.Sort(StringComparer.Ordinal);
        var rows = ids.Select(op =>
        {
            var share = demand.Split == DemandSplit.MarketShare ? demand.MarketShares[op] : 1.0 / ids.Count;
            var mine = sectors.Where(s => s.OperatorId == op).ToList();
            return Advise(op, share, total * share, mine.Count, mine.Sum(s => s.CapacityMbps), capacity);
        }).ToList();
        return new EventCapacity(e.Id, total, demand, capacity, rows, sectors, e.Synthetic || sectors.Any(s => s.Synthetic));
    }

    /// <summary>Extra carriers first, then COWs; counts rounded up.</summary>
    public static OperatorCapacity Advise(string op, double share, double demandMbps, int sectors, double capacityMbps, CapacityAssumptions a)
    {
        var deficit = Math.Max(0, demandMbps - capacityMbps);
        var carriers = deficit <= 0 ? 0 : (int)Math.Min(Math.Ceiling(deficit / a.ExtraCarrierMbps - 1e-9), (long)sectors * a.MaxExtraCarriersPerSector);
        var rest = Math.Max(0, deficit - carriers * a.ExtraCarrierMbps);
        var cows = rest <= 0 ? 0 : (int)Math.Ceiling(rest / a.CowMbps - 1e-9);
        var alone = deficit <= 0 ? 0 : (int)Math.Ceiling(deficit / a.CowMbps - 1e-9);
        return new OperatorCapacity(op, share, demandMbps, sectors, capacityMbps, deficit, carriers, cows, alone, carriers * a.ExtraCarrierMbps + cows * a.CowMbps);
    }
}
