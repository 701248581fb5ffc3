namespace Dala.Web.Dto;

public sealed record ShareDto(int Settlements, double Share, long Population, double PopulationShare);

public sealed record FiguresDto(int Settlements, long Population, int PopulationKnown, int Unknown, ShareDto Fibre, ShareDto Broadband, ShareDto Mbps100);

public sealed record RegionFiguresDto(string Code, string Name, int Settlements, long Population, int PopulationKnown, int Unknown,
    ShareDto Fibre, ShareDto Broadband, ShareDto Mbps100);

public sealed record TimelinePointDto(DateOnly Date, double Fibre, double Broadband, double Mbps100);

public sealed record TargetDto(string Id, string Label, string Metric, double Share, DateOnly By, double Current, bool Met, double? Projected);

public sealed record ProgressDto(
    DateOnly AsOf,
    string Scope,
    string? Region,
    bool Synthetic,
    FiguresDto National,
    IReadOnlyList<RegionFiguresDto> Regions,
    IReadOnlyList<TimelinePointDto> Timeline,
    IReadOnlyList<TargetDto> Targets);
