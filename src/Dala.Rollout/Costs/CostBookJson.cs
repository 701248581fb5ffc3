using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dala.Rollout.Costs;

/// <summary>
/// The cost book's JSON file: <c>{"format": "dala-cost-book", "version", "description", "items": {id: {"value",
/// "unit", "currency" (money: KZT or USD), "source"}}}</c>. Items a file leaves out keep Dala's defaults (with their
/// sources); an unknown id, a unit other than the item's, a missing source or an impossible value is refused,
/// every problem named with the file and the JSON path.
/// </summary>
public static class CostBookJson
{
    public const string Format = "dala-cost-book";

    public static CostBook ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CostBookException([new CostBookProblem(path, "(file)", e.Message)]);
        }
        return Read(text, path);
    }

    public static CostBook Read(string json, string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CostBookException([new CostBookProblem(file, $"(line {(e.LineNumber ?? 0) + 1})", "not valid JSON: " + FirstSentence(e.Message))]);
        }
        var problems = new List<CostBookProblem>();
        void Problem(string field, string reason) => problems.Add(new CostBookProblem(file, field, reason));
        if (root is not JsonObject obj)
        {
            Problem("(root)", "expected a JSON object");
            throw new CostBookException(problems);
        }
        if (Text(obj["format"]) != Format) Problem("format", $"expected \"{Format}\"");
        var version = Text(obj["version"]);
        if (string.IsNullOrWhiteSpace(version)) Problem("version", "missing: every cost book names its version");
        var items = new Dictionary<string, CostItem>(StringComparer.Ordinal);
        if (obj["items"] is not JsonObject list) Problem("items", "expected an object of items by id");
        else
        {
            foreach (var (id, node) in list)
                if (CostItemReader.Read(id, node, Problem) is { } item) items[id] = item;
        }
        if (problems.Count > 0) throw new CostBookException(problems);
        foreach (var spec in CostItems.All)
            items.TryAdd(spec.Id, new CostItem(spec.Id, spec.Default, spec.Unit, spec.Currency, spec.Source + " (Dala default: not in " + Path.GetFileName(file) + ")"));
        return new CostBook(version!, Text(obj["description"]), items.Values);
    }

    /// <summary>The cost book as a file that <see cref="Read"/> reads back.</summary>
    public static string Write(CostBook book)
    {
        var items = new JsonObject();
        foreach (var i in book.Items)
        {
            var item = new JsonObject { ["value"] = i.Value, ["unit"] = i.Unit };
            if (i.Currency is not null) item["currency"] = i.Currency;
            item["source"] = i.Source;
            items[i.Id] = item;
        }
        var root = new JsonObject { ["format"] = Format, ["version"] = book.Version, ["description"] = book.Description, ["items"] = items };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    internal static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
