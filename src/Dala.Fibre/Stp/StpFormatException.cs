namespace Dala.Fibre.Stp;

/// <summary>A malformed STP file: the source name, the 1-based line and what is wrong there.</summary>
public sealed class StpFormatException : FormatException
{
    public StpFormatException(string source, int line, string problem)
        : base($"{source}:{line}: {problem}")
    {
        Source = source;
        Line = line;
        Problem = problem;
    }

    public new string Source { get; }

    public int Line { get; }

    public string Problem { get; }
}
