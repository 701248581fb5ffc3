using System.Collections.Immutable;
using System.Globalization;
using Dala.Fibre.Planning;
using Dala.Registry.Model;
using Dala.Rollout.Costs;
using Dala.Rollout.Demand;

namespace Dala.Rollout.Options;

public static partial class InstanceBuilder
{
    private static IEnumerable<string> Assumptions(CostBook costs, BuildSettings settings, RouteNetwork network, DemandModel demand,
        ImmutableArray<Customer> customers, RadioOptions radio)
    {
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        yield return F($"cost book {costs.Version}; money in tenge (USD at {costs.UsdKzt:0.##} KZT); NPV at {costs.DiscountRate:P1} a year over {costs.HorizonYears} years of service");
        yield return F($"fibre network: {network.Description}");
        yield return "served today and left as is: rural settlements on fibre or with an advertised >= 100 Mbit/s in the registry; cities and towns (and settlements on fibre) are the backbone";
        var estimated = customers.Count(c => c.Demand.Estimated);
        yield return F($"demand: households = population / {costs["household_size"]:0.##} (or per region), subscribers = households x {costs["take_up"]:P0}; busy hour: {costs["mobile_active_share"]:P0} of mobile and {costs["fixed_active_share"]:P0} of fixed-wireless/LEO subscribers active; target {costs["target_mbps"]:0} Mbit/s each");
        if (estimated > 0)
            yield return F($"{estimated:N0} settlements to serve have no population in the registry: estimated at the median of their kind (village {demand.EstimateFor(SettlementKind.Village):N0}, hamlet {demand.EstimateFor(SettlementKind.Hamlet):N0})");
        yield return F($"mobile: radio engine ({settings.Radio.Model}, no terrain) over the store's sites: {radio.ExistingServed:N0} settlements already get the target; {radio.UpgradeSites:N0} 4G sites would serve some with 5G radios; {radio.CandidateSites:N0} candidate masts serve at least one settlement");
        yield return F($"fixed wireless: {radio.FibreFedTowers:N0} towers within {costs["fwa_fibre_fed_within_km"]:0.#} km of today's fibre serve at least one settlement (outdoor CPE, 6 m)");
        yield return F($"LEO: {costs["leo_beam_capacity_mbps"]:N0} Mbit/s per beam shared by one settlement's active subscribers");
        if (settings.Candidates.Count > 0) yield return F($"{settings.Candidates.Count:N0} candidate sites offered from a file");
    }
}
