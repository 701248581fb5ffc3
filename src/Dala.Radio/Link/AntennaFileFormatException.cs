namespace Dala.Radio.Link;

/// <summary>An antenna pattern file that does not follow its layout; the message starts with file:line.</summary>
public sealed class AntennaFileFormatException(string file, int line, string reason) : FormatException($"{file}:{line}: {reason}")
{
    public string File { get; } = file;

    /// <summary>1-based line of the offending text (the last line when something is missing at the end).</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the file:line prefix.</summary>
    public string Reason { get; } = reason;
}
