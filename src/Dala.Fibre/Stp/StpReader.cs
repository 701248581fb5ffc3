using System.Collections.Immutable;
using Dala.Fibre.Graphs;

namespace Dala.Fibre.Stp;

/// <summary>
/// Reads SteinLib STP 1.0 files: the header line, then sections (Comment, Graph, Terminals, Coordinates, others
/// skipped) each closed by END, then EOF. Keys it does not know (SteinLib's <c>Optimal</c> among them) are
/// skipped; directed arcs are rejected. Every problem is reported with its line number.
/// </summary>
public sealed partial class StpReader
{
    private const string Magic = "33D32945";

    private readonly TextReader _text;
    private readonly string _source;
    private readonly double _costScale;
    private int _line;

    private StpReader(TextReader text, string source, double costScale)
    {
        if (!(costScale > 0) || !double.IsFinite(costScale)) throw new ArgumentOutOfRangeException(nameof(costScale), "the cost scale must be positive and finite");
        _text = text;
        _source = source;
        _costScale = costScale;
    }

    /// <summary>Reads one instance; weights are multiplied by <paramref name="costScale"/> and must then be integers.</summary>
    public static StpInstance Read(TextReader text, string source = "stp", double costScale = 1) =>
        new StpReader(text, source, costScale).ReadAll();

    public static StpInstance ReadFile(string path, double costScale = 1)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), costScale);
    }

    private StpInstance ReadAll()
    {
        var header = NextLine() ?? throw Error(_line + 1, "empty file: expected the header '33D32945 STP File, STP Format Version 1.0'");
        if (!header.StartsWith(Magic, StringComparison.OrdinalIgnoreCase) || !header.Contains("STP File", StringComparison.OrdinalIgnoreCase))
            throw Error($"not an STP file: the header must be '{Magic} STP File, STP Format Version 1.0', not '{Shorten(header)}'");
        while (NextTokens() is { } tokens)
        {
            if (Is(tokens[0], "EOF")) return Finish();
            if (!Is(tokens[0], "SECTION") || tokens.Length < 2) throw Error($"expected 'SECTION name' or 'EOF', not '{Shorten(string.Join(' ', tokens))}'");
            ReadSection(tokens[1], _line);
        }
        throw Error(_line + 1, "unexpected end of file: the file is truncated (no EOF line)");
    }

    private void ReadSection(string name, int openedAt)
    {
        if (Is(name, "Comment")) ReadComment(openedAt);
        else if (Is(name, "Graph")) ReadGraph(openedAt);
        else if (Is(name, "Terminals")) ReadTerminals(openedAt);
        else if (Is(name, "Coordinates")) ReadCoordinates(openedAt);
        else ReadBody(openedAt, name, _ => { });
    }

    /// <summary>Calls <paramref name="line"/> for each line of a section body up to its END.</summary>
    private void ReadBody(int openedAt, string name, Action<string[]> line)
    {
        while (NextTokens() is { } tokens)
        {
            if (Is(tokens[0], "END")) return;
            if (Is(tokens[0], "SECTION") || Is(tokens[0], "EOF"))
                throw Error($"SECTION {name} opened at line {openedAt} is not closed with END");
            line(tokens);
        }
        throw Error(_line + 1, $"unexpected end of file inside SECTION {name} opened at line {openedAt}: the file is truncated");
    }

    private string? NextLine()
    {
        while (_text.ReadLine() is { } raw)
        {
            _line++;
            if (raw.Trim().Length > 0) return raw.Trim();
        }
        return null;
    }

    private string[]? NextTokens()
    {
        while (NextLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0 && line.IndexOf('"', StringComparison.Ordinal) is var quote && (quote < 0 || quote > hash)) line = line[..hash];
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length > 0) return tokens;
        }
        return null;
    }

    private static bool Is(string token, string keyword) => token.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private StpFormatException Error(string problem) => new(_source, _line, problem);

    private StpFormatException Error(int line, string problem) => new(_source, line, problem);
}
