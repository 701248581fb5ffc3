namespace Dala.Quality.Aggregates;

/// <summary>Which keys an aggregate groups by.</summary>
[Flags]
public enum GroupBy
{
    None = 0,
    Region = 1,
    Operator = 2,
    Month = 4,
}

/// <summary>What to aggregate: valid single tests only, optionally filtered.</summary>
public sealed record AggregateQuery(GroupBy By, string? Region = null, string? Operator = null, string? Month = null, bool IncludeSynthetic = true);

/// <summary>
/// One group's figures: its keys (null when not grouped by, or unknown), tests, the spread of down, up and
/// latency, and the share of tests with a download of 100 Mbit/s or more.
/// </summary>
public sealed record GroupStats(string? Region, string? Operator, string? Month, int Tests, Spread? Down, Spread? Up, Spread? Latency, double? ShareAtLeast100)
{
    public static readonly IComparer<GroupStats> Order = Comparer<GroupStats>.Create((a, b) =>
    {
        var c = Compare(a.Region, b.Region);
        if (c == 0) c = Compare(a.Operator, b.Operator);
        return c != 0 ? c : Compare(a.Month, b.Month);
    });

    private static int Compare(string? a, string? b) => a is null ? (b is null ? 0 : -1) : b is null ? 1 : string.CompareOrdinal(a, b);
}

/// <summary>Accumulates one group's values and turns them into <see cref="GroupStats"/> (used by stores that aggregate in code).</summary>
public sealed class GroupAccumulator(string? region, string? @operator, string? month)
{
    private readonly List<double> _down = [];
    private readonly List<double> _up = [];
    private readonly List<double> _latency = [];
    private int _tests;
    private int _fast;

    public void Add(double? down, double? up, double? latency)
    {
        _tests++;
        if (down is { } d) { _down.Add(d); if (d >= 100) _fast++; }
        if (up is { } u) _up.Add(u);
        if (latency is { } l) _latency.Add(l);
    }

    public GroupStats ToStats() => new(region, @operator, month, _tests, Percentiles.Spread(_down), Percentiles.Spread(_up),
        Percentiles.Spread(_latency), _down.Count == 0 ? null : (double)_fast / _down.Count);
}
