using System.Globalization;
using System.Text.Json;
using Dala.Geo.Io;
using Dala.Registry.Model;

namespace Dala.Quality.Obligations;

/// <summary>A problem with one field of an obligation: the JSON path (e.g. $[2].share) and why.</summary>
public sealed record FieldProblem(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>
/// Obligations as JSON (the file format, the API body and the stored text): snake_case fields, the rule's wire names.
/// Reading checks every field and collects every problem with its JSON path; nothing is half-read.
/// </summary>
public static class ObligationJson
{
    private static readonly string[] Known =
        ["id", "version", "operator", "technology", "metric", "rule", "threshold", "share", "quantile", "confidence", "by",
         "effective_from", "effective_to", "note", "licence"];

    /// <summary>The canonical text, without the version (the store keeps that apart), so that equal obligations have equal text.</summary>
    public static string Write(Obligation o, bool withVersion = false)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOutput.Writer)) Write(w, o, withVersion);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void Write(Utf8JsonWriter w, Obligation o, bool withVersion = true)
    {
        w.WriteStartObject();
        w.WriteString("id", o.Id);
        if (withVersion) w.WriteNumber("version", o.Version);
        if (o.Operator is not null) w.WriteString("operator", o.Operator);
        w.WriteString("technology", o.Technology.WireName());
        w.WriteString("metric", o.Metric.WireName());
        w.WriteString("rule", o.Rule.WireName());
        w.WriteNumber("threshold", o.Threshold);
        if (o.Share is { } s) w.WriteNumber("share", s);
        if (o.Quantile is { } q) w.WriteNumber("quantile", q);
        w.WriteNumber("confidence", o.Confidence);
        w.WriteStartArray("by");
        foreach (var k in o.By) w.WriteStringValue(k.WireName());
        w.WriteEndArray();
        if (o.EffectiveFrom is { } f) w.WriteString("effective_from", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (o.EffectiveTo is { } t) w.WriteString("effective_to", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (o.Note is not null) w.WriteString("note", o.Note);
        w.WriteEndObject();
    }

    /// <summary>Reads the stored text back (trusted: written by <see cref="Write(Obligation, bool)"/>).</summary>
    public static Obligation ReadStored(string json, int version)
    {
        using var doc = JsonDocument.Parse(json);
        var problems = new List<FieldProblem>();
        var o = Read(doc.RootElement, "$", problems);
        if (o is null) throw new FormatException($"stored obligation is invalid: {string.Join("; ", problems)}");
        return o with { Version = version };
    }

    /// <summary>One obligation from a JSON object; null with the problems (each naming path.field) when anything is wrong.</summary>
    public static Obligation? Read(JsonElement e, string path, List<FieldProblem> problems)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, "an obligation must be a JSON object"));
            return null;
        }
        var before = problems.Count;
        void Bad(string field, string reason) => problems.Add(new($"{path}.{field}", reason));
        foreach (var p in e.EnumerateObject())
            if (!Known.Contains(p.Name)) Bad(p.Name, $"unknown field (known: {string.Join(", ", Known)})");

        var id = Text(e, "id", Bad, required: true);
        if (id is not null && (id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            Bad("id", "use 1-64 letters, digits, '-', '_' or '.'");
        var op = Text(e, "operator", Bad, required: false);
        var techText = Text(e, "technology", Bad, required: true);
        var tech = Technologies.Parse(techText);
        if (techText is not null && tech is null) Bad("technology", $"'{techText}' is not one of {Technologies.Names}");
        var metricText = Text(e, "metric", Bad, required: true);
        var metric = ObligationNames.ParseMetric(metricText);
        if (metricText is not null && metric is null) Bad("metric", $"'{metricText}' is not down_mbps, up_mbps, latency_ms or loss_pct");
        var ruleText = Text(e, "rule", Bad, required: false);
        var rule = ruleText is null ? ObligationRule.ShareAtLeast : ObligationNames.ParseRule(ruleText);
        if (rule is null) Bad("rule", $"'{ruleText}' is not share_at_least, quantile_at_least or median_at_most");
        var threshold = Number(e, "threshold", Bad, required: true);
        if (threshold is < 0) Bad("threshold", "must not be negative");
        var share = Number(e, "share", Bad, required: rule == ObligationRule.ShareAtLeast);
        if (share is { } s && !(s > 0 && s < 1)) Bad("share", $"{Str(s)} is not between 0 and 1 (exclusive)");
        if (share is not null && rule is ObligationRule.QuantileAtLeast or ObligationRule.MedianAtMost) Bad("share", $"not used by the rule {rule.Value.WireName()}");
        var quantile = Number(e, "quantile", Bad, required: rule == ObligationRule.QuantileAtLeast);
        if (quantile is { } q && !(q > 0 && q < 1)) Bad("quantile", $"{Str(q)} is not between 0 and 1 (exclusive)");
        if (quantile is not null && rule == ObligationRule.ShareAtLeast) Bad("quantile", "not used by the rule share_at_least");
        if (quantile is { } mq && rule == ObligationRule.MedianAtMost && mq != 0.5) Bad("quantile", "the median rule judges the 0.5 quantile");
        var confidence = Number(e, "confidence", Bad, required: false) ?? 0.95;
        if (!(confidence > 0 && confidence < 1)) Bad("confidence", $"{Str(confidence)} is not between 0 and 1 (exclusive)");
        var by = Units(e, Bad);
        var from = Date(e, "effective_from", Bad);
        var to = Date(e, "effective_to", Bad);
        if (from is not null && to is not null && to < from) Bad("effective_to", "is before effective_from");
        var note = Text(e, "note", Bad, required: false);
        var licence = Text(e, "licence", Bad, required: false);
        var version = 1;
        if (e.TryGetProperty("version", out var v) && !(v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out version) && version >= 1))
            Bad("version", "must be a whole number >= 1");
        if (problems.Count > before) return null;
        return new Obligation
        {
            Id = id!, Version = version, Operator = op, Technology = tech!.Value, Metric = metric!.Value, Rule = rule!.Value,
            Threshold = threshold!.Value, Share = share, Quantile = quantile, Confidence = confidence, By = by!,
            EffectiveFrom = from, EffectiveTo = to, Note = note ?? (licence is null ? null : $"licence {licence}"),
        };
    }

    private static string Str(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement e, string name, Action<string, string> bad, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) bad(name, "is required");
            return null;
        }
        if (v.ValueKind != JsonValueKind.String) { bad(name, "must be a string"); return null; }
        var s = v.GetString()!.Trim();
        if (s.Length == 0) { bad(name, "must not be empty"); return null; }
        return s;
    }

    private static double? Number(JsonElement e, string name, Action<string, string> bad, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) bad(name, "is required");
            return null;
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d)) { bad(name, "must be a number"); return null; }
        return d;
    }

    private static DateOnly? Date(JsonElement e, string name, Action<string, string> bad)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        bad(name, "must be a date YYYY-MM-DD");
        return null;
    }

    private static IReadOnlyList<UnitKey>? Units(JsonElement e, Action<string, string> bad)
    {
        if (!e.TryGetProperty("by", out var v) || v.ValueKind == JsonValueKind.Null) return [UnitKey.Operator, UnitKey.Region];
        if (v.ValueKind != JsonValueKind.Array) { bad("by", "must be an array of operator, region, settlement"); return null; }
        var keys = new List<UnitKey>();
        var i = 0;
        foreach (var x in v.EnumerateArray())
        {
            var s = x.ValueKind == JsonValueKind.String ? x.GetString() : null;
            var k = ObligationNames.ParseUnit(s);
            if (s == "motorway") bad($"by[{i}]", "motorway is not available: tests are not assigned to roads");
            else if (k is null) bad($"by[{i}]", $"{(s is null ? "not a string" : $"'{s}'")}: use operator, region or settlement");
            else if (keys.Contains(k.Value)) bad($"by[{i}]", $"'{s}' is given twice");
            else keys.Add(k.Value);
            i++;
        }
        return keys;
    }
}
