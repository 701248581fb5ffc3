using System.Text.Json;

namespace Dala.Quality.Obligations;

/// <summary>A rejected part of an obligations file: the line, the field (JSON path) and why.</summary>
public sealed record ObligationFileProblem(string Origin, int Line, string Field, string Reason)
{
    public override string ToString() => $"{Origin}:{Line}: {Field}: {Reason}";
}

/// <summary>
/// Reads an obligations file: a JSON array of obligation objects. Every problem is named by line and field; with any
/// problem the file yields no obligations (nothing half-read).
/// </summary>
public static class ObligationFile
{
    public sealed record Result(IReadOnlyList<Obligation> Obligations, IReadOnlyList<ObligationFileProblem> Problems);

    public static Result Read(string path) => Read(File.ReadAllBytes(path), Path.GetFileName(path));

    public static Result Read(ReadOnlySpan<byte> utf8, string origin)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        var obligations = new List<Obligation>();
        var problems = new List<ObligationFileProblem>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return Fail(origin, LineAt(utf8, reader.TokenStartIndex), "$", "expected a JSON array of obligations");
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                var element = JsonElement.ParseValue(ref reader);
                var fieldProblems = new List<FieldProblem>();
                var o = ObligationJson.Read(element, $"$[{index}]", fieldProblems);
                if (o is not null && obligations.Any(x => x.Id == o.Id))
                    fieldProblems.Add(new($"$[{index}].id", $"'{o.Id}' is given twice"));
                else if (o is not null) obligations.Add(o);
                foreach (var p in fieldProblems)
                    problems.Add(new(origin, FieldLine(utf8, start, (int)reader.BytesConsumed, p.Path), p.Path, p.Reason));
                index++;
            }
            if (reader.Read()) return Fail(origin, LineAt(utf8, reader.TokenStartIndex), "$", "text after the end of the array");
        }
        catch (JsonException e)
        {
            return Fail(origin, (int)(e.LineNumber ?? 0) + 1, "$", $"broken JSON: {Shorten(e.Message)}");
        }
        return problems.Count > 0 ? new Result([], problems) : new Result(obligations, []);
    }

    private static Result Fail(string origin, int line, string field, string reason) => new([], [new(origin, line, field, reason)]);

    private static int LineAt(ReadOnlySpan<byte> utf8, long offset) => utf8[..(int)Math.Min(offset, utf8.Length)].Count((byte)'\n') + 1;

    /// <summary>The line of the field a path names inside the element at [start, end): its property name at depth one, else the element's start.</summary>
    private static int FieldLine(ReadOnlySpan<byte> utf8, int start, int end, string path)
    {
        var dot = path.IndexOf("].", StringComparison.Ordinal);
        if (dot < 0) return LineAt(utf8, start);
        var field = path[(dot + 2)..];
        var bracket = field.IndexOf('[');
        if (bracket >= 0) field = field[..bracket];
        var inner = new Utf8JsonReader(utf8[start..end]);
        while (inner.Read())
            if (inner.TokenType == JsonTokenType.PropertyName && inner.CurrentDepth == 1 && inner.ValueTextEquals(field))
                return LineAt(utf8, start + inner.TokenStartIndex);
        return LineAt(utf8, start);
    }

    private static string Shorten(string message)
    {
        var i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return i > 0 ? message[..i].TrimEnd('.', ' ') : message;
    }
}
