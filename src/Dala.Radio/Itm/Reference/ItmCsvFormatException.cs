namespace Dala.Radio.Itm.Reference;

/// <summary>A case or profile file that does not follow its layout; the message starts with file:line.</summary>
public sealed class ItmCsvFormatException(string file, int line, string reason) : FormatException($"{file}:{line}: {reason}")
{
    public string File { get; } = file;

    /// <summary>1-based line of the offending record (1 for the header).</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the file:line prefix.</summary>
    public string Reason { get; } = reason;
}
