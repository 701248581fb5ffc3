using System.Collections.Immutable;

namespace Dala.Rollout.Phasing;

/// <summary>
/// What limits how fast the plan can go: the capex budget per year (national, and optionally per region), how much
/// each region can build per year (km of fibre, site works: new masts, upgrades, radios), and how long a new mast
/// takes to permit. The first year counts only from the plan date to the year's end (budget and capacity pro rata).
/// </summary>
public sealed record PhasingSettings
{
    /// <summary>
    /// 300 bn tenge a year: an assumption, large enough for the default national plan to meet both dated targets
    /// (about 225 bn tenge of life-cycle cost, most of it capex in 2027).
    /// </summary>
    public const double DefaultBudgetPerYear = 300e9;

    /// <summary>National capex budget per year, tenge; null for no limit.</summary>
    public double? BudgetPerYear { get; init; } = DefaultBudgetPerYear;

    /// <summary>Capex budget per region per year, tenge (regions not listed have no regional limit).</summary>
    public ImmutableDictionary<string, double> RegionBudgetPerYear { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>
    /// Fibre a region can lay in a year, km: 2,500. An assumption: the programme built about 20,000 km in 2020 (PPP),
    /// some 1,200 km per region; crews for a national push are taken at about twice that.
    /// </summary>
    public double FibreKmPerRegionYear { get; init; } = 2_500;

    /// <summary>Site works (new masts, 5G upgrades, fixed-wireless radios) a region can complete in a year: 200 (assumption).</summary>
    public int SitesPerRegionYear { get; init; } = 200;

    /// <summary>Months from the plan date before a new mast can carry traffic: 12 (a mast can take a year to permit).</summary>
    public int PermitLeadMonths { get; init; } = 12;

    /// <summary>
    /// The earliest day a new mast can be on air, per region (ISO 3166-2:KZ code), from the regions' permit records: used
    /// instead of <see cref="PermitLeadMonths"/> for a region listed here (the composition root fills it from the permit
    /// forecast when permit requests exist; the planner knows nothing of where it comes from). Empty: the flat lead everywhere.
    /// </summary>
    public ImmutableDictionary<string, DateOnly> EarliestOnAirByRegion { get; init; } = ImmutableDictionary<string, DateOnly>.Empty;

    /// <summary>The last year the plan schedules within its targets (default: the last target's year).</summary>
    public int? LastYear { get; init; }

    /// <summary>Years after the last target year in which a late settlement may still be placed (its earliest year).</summary>
    public int ExtraYears { get; init; } = 15;
}
