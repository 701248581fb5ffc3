namespace Dala.Geo.Io;

/// <summary>One CSV record: the 1-based line it starts on and its fields.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Text that is not well-formed CSV (an unterminated quote, a stray quote).</summary>
public sealed class CsvFormatException(int line, string message) : FormatException(message)
{
    public int Line { get; } = line;
}
