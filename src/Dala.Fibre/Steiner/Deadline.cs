using System.Diagnostics;

namespace Dala.Fibre.Steiner;

/// <summary>
/// The solver's budget: a wall-clock limit measured with <see cref="Stopwatch"/> from its creation and a
/// <see cref="WorkBudget"/>; it expires on whichever runs out first and remembers which (<see cref="StoppedBy"/>).
/// </summary>
internal sealed class Deadline(TimeSpan limit, WorkBudget work)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public Deadline(TimeSpan limit) : this(limit, WorkBudget.None) { }

    public static Deadline None => new(TimeSpan.MaxValue);

    public TimeSpan Elapsed => _watch.Elapsed;

    public TimeSpan Limit => limit;

    public WorkBudget Work => work;

    /// <summary>"work" or "time" once the budget has been found spent, else null.</summary>
    public string? StoppedBy { get; private set; }

    public bool Expired
    {
        get
        {
            if (StoppedBy is null)
            {
                if (work.Exhausted) StoppedBy = "work";
                else if (limit != TimeSpan.MaxValue && _watch.Elapsed >= limit) StoppedBy = "time";
            }
            return StoppedBy is not null;
        }
    }

    /// <summary>Charges one step of <paramref name="units"/> work units (edges walked).</summary>
    public void Spend(long units) => work.Spend(units);

    /// <summary>True once the given share of either budget is used up.</summary>
    public bool Used(double share) =>
        work.Used(share) || (limit != TimeSpan.MaxValue && _watch.Elapsed.TotalSeconds >= share * limit.TotalSeconds);
}
