namespace Dala.Registry.Progress;

/// <summary>How many settlements (and how many people in them) meet one metric, and their shares.</summary>
public sealed record ShareOf(int Settlements, double Share, long Population, double PopulationShare);

/// <summary>The figures of one area: counts, population, and the three metrics.</summary>
public sealed record ProgressFigures(
    int Settlements,
    long Population,
    int PopulationKnown,
    int Unknown,
    ShareOf Fibre,
    ShareOf Broadband,
    ShareOf Mbps100)
{
    public ShareOf Metric(string metric) => metric switch
    {
        "fibre" => Fibre,
        "broadband" => Broadband,
        "mbps100" => Mbps100,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };
}

public sealed record RegionProgress(string Code, string Name, ProgressFigures Figures);

public sealed record TimelinePoint(DateOnly Date, double Fibre, double Broadband, double Mbps100);

/// <summary>A target with today's share, whether it is met, and a straight-line projection of the last year's pace.</summary>
public sealed record TargetStatus(Target Target, double Current, bool Met, double? Projected)
{
    /// <summary>Whether a share meets the target (to rounding).</summary>
    public static bool Meets(double share, Target target) => share >= target.Share - 1e-12;
}

public sealed record ProgressReport(
    DateOnly AsOf,
    string Scope,
    bool Synthetic,
    ProgressFigures National,
    IReadOnlyList<RegionProgress> Regions,
    IReadOnlyList<TimelinePoint> Timeline,
    IReadOnlyList<TargetStatus> Targets);
