namespace Dala.Quality.Cases;

/// <summary>How a refused case action should be answered: no such case, a step that may not follow (conflict), or a bad value.</summary>
public enum CaseRefusal
{
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>A case action refused, naming the field and the reason; nothing was written.</summary>
public sealed class CaseException(CaseRefusal kind, string field, string reason) : Exception($"{field}: {reason}")
{
    public CaseRefusal Kind { get; } = kind;
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

/// <summary>One problem of an input file: file, line (0: the whole file), field and reason.</summary>
public sealed record InputProblem(string File, int Line, string Field, string Reason)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Field}: {Reason}" : $"{File}: {Field}: {Reason}";
}

/// <summary>An input file refused whole; every problem is named.</summary>
public sealed class InputFileException(IReadOnlyList<InputProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems.Take(50)))
{
    public IReadOnlyList<InputProblem> Problems { get; } = problems;
}
