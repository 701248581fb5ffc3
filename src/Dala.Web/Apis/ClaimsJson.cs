using System.Globalization;
using System.Text.Json;
using Dala.Geo.Io;
using Dala.Web.Http;

namespace Dala.Web.Apis;

/// <summary>
/// A JSON claims upload ({claims: [{settlement, operator, technology, claimedDownMbps, asOf, synthetic}]}) checked for its
/// shape (wrong types and unknown fields: 400) and turned into the claims CSV, so that values are judged by one reader.
/// Row i of the array is CSV line i + 2.
/// </summary>
internal static class ClaimsJson
{
    private static readonly string[] Known = ["settlement", "operator", "technology", "claimedDownMbps", "asOf", "synthetic"];

    public static string JsonName(string csvField) => csvField switch
    {
        "claimed_down_mbps" => "claimedDownMbps",
        "as_of" => "asOf",
        _ => csvField,
    };

    public static string? ToCsv(JsonElement root, BodyErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object) { errors.WrongShape("body", "expected a JSON object {claims: [...]}"); return null; }
        var top = new JsonFields(root, "", errors, ["claims"]);
        if (top.Get("claims") is not { } claims) { errors.Invalid("claims", "required"); return null; }
        if (claims.ValueKind != JsonValueKind.Array) { top.Wrong("claims", "an array"); return null; }
        if (claims.GetArrayLength() == 0) { errors.Invalid("claims", "empty: no claims"); return null; }
        var w = new StringWriter();
        var csv = new CsvWriter(w);
        csv.Row("settlement", "operator", "technology", "claimed_down_mbps", "as_of", "synthetic");
        var i = 0;
        foreach (var item in claims.EnumerateArray())
        {
            var path = $"claims[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) { errors.WrongShape(path, "expected an object"); continue; }
            var f = new JsonFields(item, path, errors, Known);
            var speed = f.Get("claimedDownMbps") is { } v && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d.ToString("R", CultureInfo.InvariantCulture) : null;
            if (speed is null && f.Get("claimedDownMbps") is not null) f.Wrong("claimedDownMbps", "a number");
            var synthetic = f.Bool("synthetic");
            csv.Row(Line(f.String("settlement")), Line(f.String("operator")), Line(f.String("technology")), speed, Line(f.String("asOf")), synthetic is null ? null : synthetic.Value ? "true" : "false");
        }
        return errors.Any ? null : w.ToString();
    }

    /// <summary>One line per claim, so that CSV line i + 2 stays claims[i].</summary>
    private static string? Line(string? s) => s?.ReplaceLineEndings(" ");
}
