namespace Dala.Web.Dto;

/// <summary>One metric: settlements and their share; people and their share of the people in the settlements whose
/// population is known (both null when none is known: not known, not 0).</summary>
public sealed record ShareDto(int Settlements, double Share, long? Population, double? PopulationShare);

/// <summary>An area's figures. Population sums the <c>populationKnown</c> settlements whose population is known (null
/// when none is); <c>populationBase</c> says so in words ("the 3,199 of 6,906 settlements with known population").</summary>
public sealed record FiguresDto(int Settlements, long? Population, int PopulationKnown, string PopulationBase, int Unknown,
    ShareDto Fibre, ShareDto Broadband, ShareDto Mbps100);

public sealed record RegionFiguresDto(string Code, string Name, int Settlements, long? Population, int PopulationKnown, string PopulationBase, int Unknown,
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
