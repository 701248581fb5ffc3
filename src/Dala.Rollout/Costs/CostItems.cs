namespace Dala.Rollout.Costs;

/// <summary>
/// Every item of Dala's cost book with its default and the default's source. Giga items come from UNICEF Giga's
/// sample country configuration (giga-open-cost-model, conf/countries/sample.json, in US dollars); fibre per km by
/// road class is Dala.Fibre's cost book; the rest are Dala's planning assumptions, said so, with the reasoning.
/// Replace assumptions with contract prices before any real plan.
/// </summary>
public static class CostItems
{
    private const string Giga = "UNICEF Giga open cost model, sample country config (conf/countries/sample.json)";
    private const string FibreBook = "Dala.Fibre cost book (illustrative tenge per km by road class)";

    public static readonly IReadOnlyList<CostItemSpec> All =
    [
        // finance
        new("usd_kzt", "KZT per USD", CostItemKind.Quantity, 500, null, "assumption: order of the National Bank of Kazakhstan official rate in 2025 (about 470-540); set the rate of the plan date", Positive: true),
        new("discount_rate", "per year", CostItemKind.Share, 0.08, null, "assumption: a real discount rate for public infrastructure appraisal (commonly 6-12%)"),
        new("horizon_years", "years", CostItemKind.Quantity, 15, null, "assumption: life of access-network assets over which capex and opex are discounted (electronics and terminals are replaced within it)", Positive: true),
        // demand
        new("household_size", "persons per household", CostItemKind.Quantity, 3.5, null, "assumption: order of Kazakhstan's average household size (2021 census round); override per region with household_size.KZ-NN", Positive: true),
        new("take_up", "share of households", CostItemKind.Share, 0.6, null, "assumption: share of households that subscribe once a settlement is served"),
        new("mobile_active_share", "share of subscribers", CostItemKind.Share, 0.05, null, "Dala radio engine's busy-hour assumption: 1 subscriber in 20 transferring at the busy hour", Positive: true),
        new("fixed_active_share", "share of subscribers", CostItemKind.Share, 0.1, null, "assumption: homes on fixed wireless or satellite stream longer than handsets (twice the mobile share)", Positive: true),
        new("target_mbps", "Mbit/s per subscriber", CostItemKind.Quantity, 100, null, "national target: 100 Mbit/s per subscriber at the busy hour", Positive: true),
        // fibre
        new("fibre_per_km_paved_road", "per km", CostItemKind.Money, 5_000_000, "KZT", FibreBook + ": trench in a paved road's verge; the proxy network is priced at this class"),
        new("fibre_per_km_minor_road", "per km", CostItemKind.Money, 3_500_000, "KZT", FibreBook + ": along minor roads"),
        new("fibre_per_km_track", "per km", CostItemKind.Money, 2_000_000, "KZT", FibreBook + ": aerial cable on poles along tracks"),
        new("fibre_per_km_rail", "per km", CostItemKind.Money, 3_000_000, "KZT", FibreBook + ": in a railway right of way"),
        new("fibre_per_km_connector", "per km", CostItemKind.Money, 6_000_000, "KZT", FibreBook + ": straight cross-country connector"),
        new("fibre_opex_per_km_year", "per km per year", CostItemKind.Money, 160, "USD", Giga + ": fibre opex cost_per_km"),
        new("fibre_pop_per_settlement", "per settlement", CostItemKind.Money, 6_000_000, "KZT", "assumption: street cabinet with OLT line card and splitters per settlement (PoP/OLT)"),
        new("fibre_drop_per_household", "per subscribing household", CostItemKind.Money, 120_000, "KZT", "assumption: drop cable, ONT and installation"),
        new("fibre_opex_per_settlement_year", "per settlement per year", CostItemKind.Money, 400_000, "KZT", "assumption: power and upkeep of the settlement's cabinet"),
        // mobile
        new("site_new", "per site", CostItemKind.Money, 90_000_000, "KZT", "assumption: 40 m mast, power and 4G 800 MHz + 5G 3.5 GHz radios"),
        new("site_upgrade_5g", "per site", CostItemKind.Money, 30_000_000, "KZT", "assumption: 5G 3.5 GHz radios (100 MHz) added to an existing 4G mast, no new permit"),
        new("site_opex_year", "per site per year", CostItemKind.Money, 5_000_000, "KZT", "assumption: rent, power and upkeep of a rural site"),
        new("upgrade_opex_year", "per site per year", CostItemKind.Money, 1_500_000, "KZT", "assumption: added power and upkeep of the 5G radios"),
        new("backhaul_microwave", "per site", CostItemKind.Money, 3_161, "USD", Giga + ": point-to-point microwave capex (2,182 USD link + 979 USD tower equipment)"),
        new("backhaul_fibre_within_km", "km", CostItemKind.Quantity, 5, null, "assumption: a new site this close to fibre is fed by fibre (priced per km as a connector) when that is cheaper than microwave"),
        // fixed wireless
        new("fwa_radio_per_tower", "per tower", CostItemKind.Money, 20_000_000, "KZT", "assumption: 3.5 GHz fixed-wireless sectors added to a fibre-fed tower"),
        new("fwa_opex_year", "per tower per year", CostItemKind.Money, 1_500_000, "KZT", "assumption: added power and upkeep of the fixed-wireless radios"),
        new("fwa_cpe", "per subscribing household", CostItemKind.Money, 186, "USD", Giga + ": cellular terminal capex (186 USD), taken for a fixed-wireless outdoor CPE"),
        new("fwa_fibre_fed_within_km", "km", CostItemKind.Quantity, 3, null, "assumption: an existing tower this close to a settlement on fibre is taken to be fibre-fed"),
        // LEO satellite
        new("leo_terminal", "per subscribing household", CostItemKind.Money, 467, "USD", Giga + ": satellite capex fixed_costs (467 USD per terminal)"),
        new("leo_install", "per subscribing household", CostItemKind.Money, 40_000, "KZT", "assumption: mounting and installation of a terminal"),
        new("leo_subscription_month", "per subscribing household per month", CostItemKind.Money, 60, "USD", "assumption: residential LEO plans published in 2024-2025 cost about 50-120 USD a month"),
        new("leo_beam_capacity_mbps", "Mbit/s per beam", CostItemKind.Quantity, 2_000, null, "assumption: order of the downlink capacity of one LEO user beam, shared by the settlement's subscribers", Positive: true),
    ];

    public static readonly IReadOnlyDictionary<string, CostItemSpec> ById = All.ToDictionary(s => s.Id, StringComparer.Ordinal);

    /// <summary>The prefix of per-region household sizes: household_size.KZ-61.</summary>
    public const string HouseholdSizePrefix = "household_size.";

    /// <summary>The spec an id names (a per-region household size is a household_size); null when none.</summary>
    public static CostItemSpec? Find(string id) =>
        ById.TryGetValue(id, out var spec) ? spec
        : id.StartsWith(HouseholdSizePrefix, StringComparison.Ordinal) && id.Length > HouseholdSizePrefix.Length ? ById["household_size"] with { Id = id }
        : null;
}
