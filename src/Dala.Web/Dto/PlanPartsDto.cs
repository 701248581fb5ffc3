namespace Dala.Web.Dto;

public sealed record TechnologyTotalDto(string Technology, int Settlements, long Population, double? CapexTenge, double? NpvTenge);

public sealed record PlanYearDto(
    int Year,
    int SettlementsConnected,
    double? CapexTenge,
    double? OpexTenge,
    double? FibreKm,
    int Sites,
    double? BudgetTenge,
    int BroadbandSettlements,
    int Mbps100Settlements,
    long BroadbandPopulation,
    long Mbps100Population,
    double? BroadbandShare,
    double? Mbps100Share);

public sealed record RegionYearCostDto(string Region, int Year, string Technology, double? CapexTenge, int Settlements);

public sealed record TargetOutcomeDto(string Id, string Label, string Metric, double? Share, DateOnly By, double? Reached, bool Met, string? Binding);

public sealed record ShortfallDto(string Constraint, string? Region, int Year, double? Needed, double? Available, string Unit, string Explanation);

/// <summary>One bar of the tornado chart: the NPV with one input lowered and raised.</summary>
public sealed record SensitivityBarDto(string Input, string Label, double? Low, double? High, double? NpvLowTenge, double? NpvHighTenge, double? NpvBaseTenge);
