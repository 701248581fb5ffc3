using System.Globalization;
using System.Text.Json;
using Dala.Registry.Progress;
using Dala.Web.Http;

namespace Dala.Web.Apis;

/// <summary>
/// The <c>targets</c> of a plan request: <c>[{id, label, metric, share, by}]</c>, each problem under
/// <c>targets[i].field</c>. Dates fall between the plan date and 30 years after it (a later one would only make
/// the planner schedule for decades).
/// </summary>
internal static class TargetsReader
{
    public const int MaxTargets = 10;
    public const int MaxYearsAhead = 30;

    private static readonly string[] Known = ["id", "label", "metric", "share", "by"];

    public static IReadOnlyList<Target>? Read(JsonFields body, DateOnly asOf, BodyErrors errors)
    {
        if (body.Get("targets") is not { } list) return null;
        if (list.ValueKind != JsonValueKind.Array)
        {
            body.Wrong("targets", "an array of {id, label, metric, share, by}");
            return null;
        }
        var count = list.GetArrayLength();
        if (count is 0 or > MaxTargets) errors.Invalid("targets", $"give 1 to {MaxTargets} targets (got {count})");
        var targets = new List<Target>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"targets[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.WrongShape(at, "expected an object {id, label, metric, share, by}");
                continue;
            }
            if (ReadOne(new JsonFields(item, at, errors, Known), at, asOf, errors) is { } t)
            {
                if (targets.Exists(x => x.Id == t.Id)) errors.Invalid(at + ".id", $"'{t.Id}' is given twice");
                targets.Add(t);
            }
        }
        return targets;
    }

    private static Target? ReadOne(JsonFields f, string at, DateOnly asOf, BodyErrors errors)
    {
        var id = f.String("id", required: true)?.Trim();
        if (id is { Length: 0 or > 64 }) errors.Invalid(at + ".id", "must be 1 to 64 characters");
        var label = f.String("label")?.Trim();
        var metric = f.String("metric", required: true);
        if (metric is not null && !Target.Metrics.Contains(metric))
            errors.Invalid(at + ".metric", $"'{metric}' is not one of {string.Join(", ", Target.Metrics)}");
        var share = f.Number("share", 0, 1);
        if (share is null && f.Get("share") is null) errors.Invalid(at + ".share", "required: a share between 0 and 1");
        var byText = f.String("by", required: true);
        DateOnly by = default;
        if (byText is not null)
        {
            if (!DateOnly.TryParseExact(byText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out by))
                errors.Invalid(at + ".by", $"'{byText}' is not a date YYYY-MM-DD");
            else if (by < asOf || by > asOf.AddYears(MaxYearsAhead))
                errors.Invalid(at + ".by", $"{byText} is not between the plan date {asOf:yyyy-MM-dd} and {asOf.AddYears(MaxYearsAhead):yyyy-MM-dd}");
        }
        if (id is null || metric is null || share is null || byText is null) return null;
        return new Target(id, string.IsNullOrEmpty(label) ? id : label, metric, share.Value, by);
    }
}
