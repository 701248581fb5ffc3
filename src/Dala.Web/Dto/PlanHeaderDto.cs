namespace Dala.Web.Dto;

/// <summary>
/// A saved rollout plan's header: what a list shows. Money is tenge; <c>gap</c> is (NPV - lower bound) / NPV.
/// Numbers that are not finite are null. <c>synthetic</c>: the plan rests on synthetic data.
/// </summary>
public sealed record PlanHeaderDto(
    long Id,
    string Name,
    DateTimeOffset CreatedAt,
    bool Synthetic,
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
    bool TargetsMet,
    double? Seconds);
