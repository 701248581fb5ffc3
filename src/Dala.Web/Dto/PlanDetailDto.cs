using System.Text.Json;

namespace Dala.Web.Dto;

/// <summary>A saved plan without its per-settlement lines: the inputs it was asked, its summary and the sensitivity bars.</summary>
public sealed record PlanDetailDto(
    long Id,
    string Name,
    DateTimeOffset CreatedAt,
    bool Synthetic,
    JsonElement Inputs,
    PlanSummaryDto Summary,
    SensitivityBarDto[] Sensitivity);

/// <summary>A plan's totals, its years, regions by year, targets, shortfalls and assumptions.</summary>
public sealed record PlanSummaryDto(
    string Mode,
    DateOnly AsOf,
    int FirstYear,
    int LastYear,
    int Settlements,
    long Population,
    double? TotalNpvTenge,
    double? LowerBoundTenge,
    double? Gap,
    double? CapexTenge,
    double? OpexTengePerYear,
    bool TargetsMet,
    TechnologyTotalDto[] Technologies,
    PlanYearDto[] Years,
    RegionYearCostDto[] RegionYears,
    TargetOutcomeDto[] Targets,
    ShortfallDto[] Shortfalls,
    string[] Assumptions,
    string Network,
    double? Seconds);
