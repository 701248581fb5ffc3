using System.Diagnostics;

namespace Dala.Fibre.Steiner;

/// <summary>
/// The solver's budget: a time limit measured from its creation — wall-clock (<see cref="Stopwatch"/>) or, with
/// <c>cpu</c>, the CPU time of this process (<see cref="Environment.CpuUsage"/>, what a shared machine cannot
/// steal) — and a <see cref="WorkBudget"/>; it expires on whichever runs out first and remembers which
/// (<see cref="StoppedBy"/>).
/// </summary>
internal sealed class Deadline
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly TimeSpan _cpuStart;
    private readonly bool _cpu;

    public Deadline(TimeSpan limit, WorkBudget work, bool cpu = false)
    {
        Limit = limit;
        Work = work;
        _cpu = cpu;
        if (cpu) _cpuStart = Environment.CpuUsage.TotalTime;
    }

    public Deadline(TimeSpan limit) : this(limit, WorkBudget.None) { }

    public static Deadline None => new(TimeSpan.MaxValue);

    /// <summary>The budget of a solve with these options.</summary>
    public static Deadline For(SteinerOptions options) =>
        new(options.TimeLimit, options.WorkLimit is { } w ? new WorkBudget(w) : WorkBudget.None, options.CpuTime);

    /// <summary>
    /// A budget for a step inside this one: at most <paramref name="work"/> units and what is left of this budget's
    /// time and work, on the same clock. The caller charges what the step spent (<see cref="Spend"/>).
    /// </summary>
    public Deadline Child(long work)
    {
        var left = Work.Unlimited ? long.MaxValue : Math.Max(0, Work.Limit - Work.Spent);
        var time = Limit == TimeSpan.MaxValue ? TimeSpan.MaxValue : Limit > TimeUsed ? Limit - TimeUsed : TimeSpan.Zero;
        return new Deadline(time, new WorkBudget(Math.Min(work, left)), _cpu);
    }

    /// <summary>Wall-clock time since the start.</summary>
    public TimeSpan Elapsed => _watch.Elapsed;

    /// <summary>The time the limit is measured in: wall-clock, or CPU time of the process.</summary>
    public TimeSpan TimeUsed => _cpu ? Environment.CpuUsage.TotalTime - _cpuStart : _watch.Elapsed;

    public TimeSpan Limit { get; }

    public WorkBudget Work { get; }

    /// <summary>"work" or "time" once the budget has been found spent, else null.</summary>
    public string? StoppedBy { get; private set; }

    public bool Expired
    {
        get
        {
            if (StoppedBy is null)
            {
                if (Work.Exhausted) StoppedBy = "work";
                else if (Limit != TimeSpan.MaxValue && TimeUsed >= Limit) StoppedBy = "time";
            }
            return StoppedBy is not null;
        }
    }

    /// <summary>Charges one step of <paramref name="units"/> work units (edges walked).</summary>
    public void Spend(long units) => Work.Spend(units);

    /// <summary>True once the given share of either budget is used up.</summary>
    public bool Used(double share) =>
        Work.Used(share) || (Limit != TimeSpan.MaxValue && TimeUsed.TotalSeconds >= share * Limit.TotalSeconds);
}
