namespace Dala.Fibre.Steiner;

/// <summary>
/// A deterministic budget of solver work. One unit is one edge of the graph a step walks: every checked step of
/// the solver (a dual ascent, a construction, a local-search move, a reduction test) spends the edge count of the
/// graph it runs on, whatever the machine or its load, so the same seed and budget give the same tree anywhere.
/// </summary>
internal sealed class WorkBudget(long limit)
{
    public static WorkBudget None => new(long.MaxValue);

    public long Limit => limit;

    public long Spent { get; private set; }

    public bool Unlimited => limit == long.MaxValue;

    public bool Exhausted => !Unlimited && Spent >= limit;

    public void Spend(long units) => Spent += units;

    /// <summary>True once the given share of the budget is spent.</summary>
    public bool Used(double share) => !Unlimited && Spent >= share * limit;
}
