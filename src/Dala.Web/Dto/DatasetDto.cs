namespace Dala.Web.Dto;

/// <summary>A source: <c>rows</c> what the store keeps from it, <c>rowsRead</c> the rows or features read from the file
/// (null where not recorded): "9,899 read, 7,098 stored".</summary>
public sealed record SourceDto(string Kind, string Name, DateTimeOffset ImportedAt, int Rows, int? RowsRead, bool Synthetic);

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
