namespace Dala.Web.Dto;

/// <summary>A settlement with its current (derived) status.</summary>
public record SettlementDto
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public NamesDto Names { get; init; } = null!;
    public string Kind { get; init; } = "";
    public int? Population { get; init; }
    public string? PopulationSource { get; init; }
    public double Lon { get; init; }
    public double Lat { get; init; }
    public string Region { get; init; } = "";
    public string RegionName { get; init; } = "";
    public string? KatoCode { get; init; }
    /// <summary>fibre, 5G, 4G, fixed-wireless, satellite, 3G, none, or unknown (no record).</summary>
    public string Technology { get; init; } = "";
    public double? MaxDownMbps { get; init; }
    public bool Meets100Mbps { get; init; }
    /// <summary>True when the status shown comes from synthetic records.</summary>
    public bool Synthetic { get; init; }
}

public sealed record SettlementPageDto(int Total, int Page, int PageSize, IReadOnlyList<SettlementDto> Items);

public sealed record ConnectivityRecordDto(
    string Technology, string? OperatorId, string? Operator, double? DownMbps, double? UpMbps, DateOnly AsOf, string Source, bool Synthetic);

public sealed record StatusDto(string Technology, double? MaxDownMbps, bool Meets100Mbps, DateOnly? AsOf, IReadOnlyList<ConnectivityRecordDto> Active);

public sealed record KatoDto(string Code, IReadOnlyList<string> Path);

/// <summary>A settlement with its status, full connectivity history (oldest first) and KATO entry.</summary>
public sealed record SettlementDetailDto : SettlementDto
{
    public StatusDto Status { get; init; } = null!;
    public IReadOnlyList<ConnectivityRecordDto> History { get; init; } = [];
    public KatoDto? Kato { get; init; }
}

public sealed record OperatorDto(string Id, string Name, int Settlements);

public sealed record NearbyDto(SettlementDto Settlement, double DistanceKm);

public sealed record RegionAtDto(string Code, string Name, NamesDto Names);
