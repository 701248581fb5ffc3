namespace Dala.Fibre.Osm;

/// <summary>
/// A malformed OSM file: the source name, where (a byte <see cref="Offset"/> in a PBF file, a 1-based
/// <see cref="Line"/> in an XML file) and what is wrong there. The message reads "file.pbf@12345: problem"
/// or "file.osm:12: problem".
/// </summary>
public sealed class OsmFormatException : FormatException
{
    private OsmFormatException(string source, long? offset, int? line, string problem, Exception? inner)
        : base(offset is { } o ? $"{source}@{o}: {problem}" : $"{source}:{line}: {problem}", inner)
    {
        Source = source;
        Offset = offset;
        Line = line;
        Problem = problem;
    }

    public new string Source { get; }

    /// <summary>The byte offset in a PBF file (null for XML).</summary>
    public long? Offset { get; }

    /// <summary>The 1-based line in an XML file (null for PBF).</summary>
    public int? Line { get; }

    public string Problem { get; }

    public static OsmFormatException AtOffset(string source, long offset, string problem, Exception? inner = null) =>
        new(source, offset, null, problem, inner);

    public static OsmFormatException AtLine(string source, int line, string problem, Exception? inner = null) =>
        new(source, null, line, problem, inner);
}
