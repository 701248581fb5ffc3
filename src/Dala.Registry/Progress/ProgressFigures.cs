using System.Globalization;

namespace Dala.Registry.Progress;

/// <summary>
/// How many settlements (and how many people in them) meet one metric, and their shares. The population share is of
/// the people in the settlements whose population is known (<see cref="ProgressFigures.PopulationKnown"/>), and null
/// when none is known: not known, never 0.
/// </summary>
public sealed record ShareOf(int Settlements, double Share, long Population, double? PopulationShare);

/// <summary>
/// The figures of one area: counts, population, and the three metrics. <see cref="Population"/> sums the settlements
/// whose population is known (<see cref="PopulationKnown"/> of <see cref="Settlements"/>); with none known it is not
/// known (<see cref="PopulationIsKnown"/> false), not 0.
/// </summary>
public sealed record ProgressFigures(
    int Settlements,
    long Population,
    int PopulationKnown,
    int Unknown,
    ShareOf Fibre,
    ShareOf Broadband,
    ShareOf Mbps100)
{
    /// <summary>Whether any settlement's population is known (else the population and its shares are not known).</summary>
    public bool PopulationIsKnown => PopulationKnown > 0;

    /// <summary>Whether the population figures rest on part of the settlements only (some known, not all).</summary>
    public bool PopulationPartial => PopulationKnown > 0 && PopulationKnown < Settlements;

    /// <summary>
    /// The base of the population figures in words: "the 3,199 of 6,906 settlements with known population" (partial),
    /// "all 6,906 settlements" or "no settlement: population not known".
    /// </summary>
    public string PopulationBase(string settlementWord = "settlements") =>
        PopulationKnown == 0 ? $"none of the {N(Settlements)} {settlementWord}: population not known"
        : PopulationKnown < Settlements ? $"the {N(PopulationKnown)} of {N(Settlements)} {settlementWord} with known population"
        : $"all {N(Settlements)} {settlementWord}";

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

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
