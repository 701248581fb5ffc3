namespace Dala.Web.Dto;

/// <summary>Two plans side by side: B minus A in NPV and capex, settlements per technology, the settlements planned differently.</summary>
public sealed record PlanComparisonDto(
    PlanHeaderDto A,
    PlanHeaderDto B,
    double? NpvDifferenceTenge,
    double? CapexDifferenceTenge,
    TechnologyDifferenceDto[] Technologies,
    SettlementDifferenceDto[] Settlements,
    int OnlyInA,
    int OnlyInB);

public sealed record TechnologyDifferenceDto(string Technology, int SettlementsA, int SettlementsB, double? CapexA, double? CapexB);

public sealed record SettlementDifferenceDto(string SettlementId, string Name, string Region, double Lon, double Lat,
    string TechnologyA, int? YearA, double? CapexA, string TechnologyB, int? YearB, double? CapexB);
