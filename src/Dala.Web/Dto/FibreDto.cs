namespace Dala.Web.Dto;

/// <summary>A fibre plan's totals: <c>network</c> is "proxy" when drawn without road data (straight lines × detour).</summary>
public sealed record FibrePlanDto(
    string Network,
    bool Proxy,
    bool Synthetic,
    string NetworkDescription,
    int SettlementsToConnect,
    int Connected,
    string[] Unreachable,
    int BackboneSettlements,
    int Routes,
    double Km,
    double CostTenge,
    double LowerBoundTenge,
    double GapPercent,
    double Seconds,
    string Finish,
    FibreAssumptionsDto Assumptions,
    string GeoJsonUrl,
    string PathsCsvUrl);

public sealed record FibreAssumptionsDto(int MinPopulation, string[] Kinds, string Backbone, string? Region, double Detour,
    IReadOnlyDictionary<string, double> TengePerKm, double Seconds, int Seed);

/// <summary>A fibre plan not made yet: its job and how far it is; ask <see cref="Href"/> again (Retry-After says when).</summary>
public sealed record FibrePendingDto(string JobId, string Status, string Phase, double Progress, string Href);
