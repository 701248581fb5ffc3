using System.Diagnostics;

namespace Dala.Fibre.Steiner;

/// <summary>A wall-clock budget measured with <see cref="Stopwatch"/> from its creation.</summary>
internal sealed class Deadline(TimeSpan limit)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public static Deadline None => new(TimeSpan.MaxValue);

    public TimeSpan Elapsed => _watch.Elapsed;

    public TimeSpan Limit => limit;

    public bool Expired => limit != TimeSpan.MaxValue && _watch.Elapsed >= limit;

    /// <summary>True once the given share of the budget is used up.</summary>
    public bool Used(double share) => limit != TimeSpan.MaxValue && _watch.Elapsed.TotalSeconds >= share * limit.TotalSeconds;
}
