namespace Dala.Quality.Rankings;

/// <summary>What is ranked: the whole country, regions, operators, or each operator within each region.</summary>
public enum RankUnit
{
    Country,
    Region,
    Operator,
    RegionOperator,
}

/// <summary>
/// The minimum sample rule (as M-Lab's and Ookla's published indices): a unit is ranked in a month only with at least
/// <paramref name="MinTests"/> valid tests from at least <paramref name="MinNetworks"/> distinct client networks (/24, /48).
/// </summary>
public sealed record SampleRule(int MinTests = SampleRule.DefaultMinTests, int MinNetworks = SampleRule.DefaultMinNetworks)
{
    public const int DefaultMinTests = 100;
    public const int DefaultMinNetworks = 30;

    /// <summary>Null when the unit qualifies, else why not ("too few tests: 99 < 100").</summary>
    public string? Shortfall(int tests, int networks, double? downMedian) =>
        tests < MinTests ? $"too few tests: {tests} < {MinTests}"
        : networks < MinNetworks ? $"too few networks: {networks} < {MinNetworks}"
        : downMedian is null ? "no download figures"
        : null;
}

/// <summary>
/// One unit in one month: exact medians of valid tests, tests, distinct client networks; its rank (1 = fastest median
/// download) when it meets the sample rule, else <paramref name="Note"/> says why not; its rank the month before
/// (null when it was not ranked then).
/// </summary>
public sealed record RankingRow(string? Region, string? Operator, string Month, int Tests, int Networks,
    double? DownMedian, double? UpMedian, double? LatencyMedian, int? Rank, int? PreviousRank, string? Note)
{
    public bool Ranked => Rank is not null;

    /// <summary>Places gained since the month before (positive = up), null when either month is unranked.</summary>
    public int? RankChange => Rank is { } r && PreviousRank is { } p ? p - r : null;
}

/// <summary>One month's ranking: ranked units first by rank, then those with too few tests (most tests first).</summary>
public sealed record Ranking(string Month, RankUnit By, SampleRule Rule, bool IncludesSynthetic, IReadOnlyList<RankingRow> Rows);

/// <summary>Distinct client networks of valid single tests in one group (keys null when not grouped by).</summary>
public sealed record NetworkCount(string? Region, string? Operator, string Month, int Networks);

/// <summary>
/// Additive sums over Ookla open-data tiles (kind Tile) in one region x operator x month: tiles, tests, and per metric the
/// sum of tile mean x tile tests with the tests that carried a value, so that any union of groups combines exactly.
/// </summary>
public sealed record TileSums(string? Region, string? Operator, string Month, int Tiles, long Tests,
    double DownWeighted, long DownTests, double UpWeighted, long UpTests, double LatencyWeighted, long LatencyTests, bool Synthetic);

/// <summary>One published zoom-16 tile of the open data: valid tests, how many of them synthetic, and their spreads.</summary>
public sealed record OpenTile(string Quadkey, int Tests, int SyntheticTests, Aggregates.Spread? Down, Aggregates.Spread? Up, Aggregates.Spread? Latency)
{
    public bool Synthetic => SyntheticTests > 0;
}
