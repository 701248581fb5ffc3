namespace Dala.Rollout.Plans;

/// <summary>
/// A stored rollout plan: what it was asked (its inputs, as JSON, so that it can be re-run), its summary, one line
/// per settlement, the fibre it lays and the sites it builds. Synthetic when any input (connectivity, sites,
/// candidate sites) was synthetic; the label travels with every export.
/// </summary>
public sealed record RolloutPlan(
    long Id,
    string Name,
    DateTimeOffset CreatedAt,
    bool Synthetic,
    string InputsJson,
    PlanSummary Summary,
    IReadOnlyList<SettlementPlan> Settlements,
    IReadOnlyList<FibreSegment> Fibre,
    IReadOnlyList<PlannedSite> Sites,
    IReadOnlyList<SensitivityBar> Sensitivity)
{
    /// <summary>A plan without its per-settlement lines and geometry: what a list of plans shows.</summary>
    public RolloutPlan Header() => this with { Settlements = [], Fibre = [], Sites = [], Sensitivity = [] };
}

/// <summary>
/// The totals of a plan. Money is tenge; NPV discounts every year's capex and opex to the plan date over the cost
/// book's horizon. <see cref="LowerBoundTenge"/> is a proven lower bound on the NPV of any plan under the same rules,
/// so <see cref="Gap"/> says how far from optimal this plan can be at most.
/// </summary>
public sealed record PlanSummary(
    string Mode,
    DateOnly AsOf,
    int FirstYear,
    int LastYear,
    int Settlements,
    long Population,
    double TotalNpvTenge,
    double LowerBoundTenge,
    double CapexTenge,
    double OpexTengePerYear,
    bool TargetsMet,
    IReadOnlyList<TechnologyTotal> Technologies,
    IReadOnlyList<PlanYear> Years,
    IReadOnlyList<RegionYearCost> RegionYears,
    IReadOnlyList<TargetOutcome> Targets,
    IReadOnlyList<Shortfall> Shortfalls,
    IReadOnlyList<string> Assumptions,
    string Network,
    double Seconds)
{
    /// <summary>(NPV - lower bound) / NPV: 0 when the plan is proven optimal.</summary>
    public double Gap => TotalNpvTenge <= 0 ? 0 : Math.Max(0, (TotalNpvTenge - LowerBoundTenge) / TotalNpvTenge);
}

/// <summary>How many settlements (and people) one technology serves in a plan, and what it costs.</summary>
public sealed record TechnologyTotal(string Technology, int Settlements, long Population, double CapexTenge, double NpvTenge);

/// <summary>
/// One year of a plan: what is built and spent, and where the country stands at its end (settlements and people
/// on broadband and at >= 100 Mbps, counting what was there before the plan).
/// </summary>
public sealed record PlanYear(
    int Year,
    int SettlementsConnected,
    double CapexTenge,
    double OpexTenge,
    double FibreKm,
    int Sites,
    double BudgetTenge,
    int BroadbandSettlements,
    int Mbps100Settlements,
    long BroadbandPopulation,
    long Mbps100Population,
    double BroadbandShare,
    double Mbps100Share);

/// <summary>Capex of one region in one year, by technology.</summary>
public sealed record RegionYearCost(string Region, int Year, string Technology, double CapexTenge, int Settlements);

/// <summary>Whether a dated target is met by the plan: the share reached by its date against the share asked.</summary>
public sealed record TargetOutcome(string Id, string Label, string Metric, double Share, DateOnly By, double Reached, bool Met, string? Binding);

/// <summary>
/// What would have to change for the targets to be met: more of one resource in one year (budget in tenge, fibre
/// km or sites in a region), or a constraint no resource relaxes (a permit lead time past the date).
/// </summary>
public sealed record Shortfall(string Constraint, string? Region, int Year, double Needed, double Available, string Unit, string Explanation);

/// <summary>
/// The plan of one settlement. <see cref="Year"/> is the year its service starts (null when it already meets the
/// targets or cannot be served); <see cref="EarliestYear"/> and <see cref="Binding"/> say, for a settlement that
/// misses a target date, when it could be served at the earliest and which constraint stops it sooner.
/// </summary>
public sealed record SettlementPlan(
    string SettlementId,
    string Name,
    string Region,
    double Lon,
    double Lat,
    int Population,
    bool PopulationEstimated,
    string Technology,
    string Option,
    int? Year,
    double CapexTenge,
    double OpexTengePerYear,
    double NpvTenge,
    bool Meets100Mbps,
    double BusyHourMbpsPerSubscriber,
    string Reason,
    string? Facility,
    string? FibreParent,
    double FibreKm,
    int? InterimYear,
    string? InterimTechnology,
    int? EarliestYear,
    string? Binding);

/// <summary>One stretch of new fibre: its ends, length, cost and the year it is laid.</summary>
public sealed record FibreSegment(double FromLon, double FromLat, double ToLon, double ToLat, double Km, double CapexTenge, int Year, string Region);

/// <summary>A site the plan builds or upgrades (new mast, 4G->5G upgrade, fixed-wireless radio) and the settlements it serves.</summary>
public sealed record PlannedSite(string Id, string Kind, double Lon, double Lat, string Region, int Year, double CapexTenge, int Settlements, bool Candidate);

/// <summary>One bar of a tornado chart: the plan's NPV with one input lowered and raised.</summary>
public sealed record SensitivityBar(string Input, string Label, double Low, double High, double NpvLowTenge, double NpvHighTenge, double NpvBaseTenge);
