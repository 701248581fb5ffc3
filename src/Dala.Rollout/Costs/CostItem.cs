namespace Dala.Rollout.Costs;

/// <summary>One number of a cost book as given: value, unit, currency (money only) and source.</summary>
public sealed record CostItem(string Id, double Value, string Unit, string? Currency, string Source);

/// <summary>A cost book that cannot be used: every problem, each naming the file, the field (a JSON path) and the reason.</summary>
public sealed class CostBookException(IReadOnlyList<CostBookProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
{
    public IReadOnlyList<CostBookProblem> Problems { get; } = problems;
}

/// <summary>One problem of a cost book: file, field (JSON path such as items.leo_terminal.value) and reason.</summary>
public sealed record CostBookProblem(string File, string Field, string Reason)
{
    public override string ToString() => $"{File}: {Field}: {Reason}";
}
