namespace Dala.Web.Dto;

public sealed record SourceDto(string Kind, string Name, DateTimeOffset ImportedAt, int Rows, bool Synthetic);

/// <summary>What data the server shows: its name, sources, and whether any of it is synthetic.</summary>
public sealed record DatasetDto(
    string Name,
    bool Synthetic,
    string? SyntheticNote,
    IReadOnlyList<SourceDto> Sources,
    long Revision,
    int SettlementCount,
    int RegionCount,
    bool HasRegionPolygons,
    string Store);
