namespace Dala.Web.Dto;

/// <summary>
/// The plan of one settlement (the settlement card): technology and year, money, whether it meets 100 Mbps, the
/// reason, and for a late settlement its earliest year and the binding constraint.
/// </summary>
public sealed record SettlementPlanDto(
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
    double? CapexTenge,
    double? OpexTengePerYear,
    double? NpvTenge,
    bool Meets100Mbps,
    double? BusyHourMbpsPerSubscriber,
    string Reason,
    string? Facility,
    string? FibreParent,
    double? FibreKm,
    int? InterimYear,
    string? InterimTechnology,
    int? EarliestYear,
    string? Binding);
