namespace Dala.Radio.Link;

/// <summary>One non-blank line of an MSI file and its 1-based number.</summary>
internal readonly record struct MsiLine(int Number, string Text);

/// <summary>The non-blank lines of an MSI file, numbered, and errors that carry the file and line.</summary>
internal sealed class MsiLines(TextReader reader, string file)
{
    /// <summary>Number of the last line read (0 before the first).</summary>
    public int LastLine { get; private set; }

    public MsiLine? Next()
    {
        while (reader.ReadLine() is { } text)
        {
            LastLine++;
            if (LastLine == 1) text = text.TrimStart('\uFEFF');
            if (!string.IsNullOrWhiteSpace(text)) return new MsiLine(LastLine, text);
        }
        return null;
    }

    public AntennaFileFormatException Error(int line, string reason) => new(file, Math.Max(1, line), reason);
}
