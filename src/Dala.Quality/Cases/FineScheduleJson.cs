using System.Globalization;
using System.Text.Json;

namespace Dala.Quality.Cases;

/// <summary>
/// A fine schedule file (JSON): <c>{"tiers": {"first_mrp", "repeat_mrp", "repeat_within_months", "source", "assumption"},
/// "mrp": [{"from": "YYYY-MM-DD", "tenge", "source"}]}</c>. Both parts are optional: tiers not named keep the defaults,
/// MRP values are added to the default table (a value from the same date replaces the default). Any problem refuses the file.
/// </summary>
public static class FineScheduleJson
{
    private static readonly string[] TierFields = ["first_mrp", "repeat_mrp", "repeat_within_months", "source", "assumption"];

    public static FineSchedule ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException([new InputProblem(path, 0, "(file)", e.Message)]);
        }
        return Read(text, path);
    }

    public static FineSchedule Read(string text, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputFileException([new InputProblem(file, (int)(e.LineNumber ?? 0) + 1, "(json)", e.Message.Split(" LineNumber:", 2)[0])]);
        }
        using (doc)
        {
            var problems = new List<InputProblem>();
            void Bad(string field, string reason) => problems.Add(new InputProblem(file, 0, field, reason));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InputFileException([new InputProblem(file, 1, "(root)", "expected an object with tiers and/or mrp")]);
            var d = FineSchedule.Default;
            var schedule = d;
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name == "tiers") schedule = Tiers(p.Value, schedule, Bad);
                else if (p.Name == "mrp") schedule = schedule with { Mrp = Mrp(p.Value, Bad) };
                else if (p.Name is not ("format" or "comment")) Bad(p.Name, "unknown field (known: tiers, mrp)");
            }
            if (schedule.RepeatMrp < schedule.FirstMrp) Bad("tiers.repeat_mrp", $"{schedule.RepeatMrp} is below first_mrp {schedule.FirstMrp}");
            if (problems.Count > 0) throw new InputFileException(problems);
            return schedule;
        }
    }

    private static FineSchedule Tiers(JsonElement e, FineSchedule s, Action<string, string> bad)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            bad("tiers", "expected an object");
            return s;
        }
        var numbers = false;
        var assumption = (bool?)null;
        foreach (var p in e.EnumerateObject())
        {
            var at = "tiers." + p.Name;
            switch (p.Name)
            {
                case "first_mrp": s = s with { FirstMrp = Int(p.Value, at, 1, 100_000, bad) ?? s.FirstMrp }; numbers = true; break;
                case "repeat_mrp": s = s with { RepeatMrp = Int(p.Value, at, 1, 100_000, bad) ?? s.RepeatMrp }; numbers = true; break;
                case "repeat_within_months": s = s with { RepeatWithinMonths = Int(p.Value, at, 1, 120, bad) ?? s.RepeatWithinMonths }; numbers = true; break;
                case "source":
                    if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } src) s = s with { Source = src };
                    else bad(at, "expected a non-empty string");
                    break;
                case "assumption":
                    if (p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) assumption = p.Value.GetBoolean();
                    else bad(at, "expected true or false");
                    break;
                default: bad(at, $"unknown field (known: {string.Join(", ", TierFields)})"); break;
            }
        }
        if (numbers && s.Source == FineSchedule.Default.Source) bad("tiers.source", "required when tiers are given: say where the figures come from");
        return s with { Assumption = assumption ?? (!numbers && s.Assumption) };
    }

    private static MrpTable Mrp(JsonElement e, Action<string, string> bad)
    {
        var values = MrpTable.Default.Values.ToDictionary(v => v.From);
        if (e.ValueKind != JsonValueKind.Array)
        {
            bad("mrp", "expected an array of {from, tenge, source}");
            return MrpTable.Default;
        }
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var at = $"mrp[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) { bad(at, "expected an object {from, tenge, source}"); continue; }
            DateOnly? from = null;
            int? tenge = null;
            string? source = null;
            foreach (var p in item.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "from":
                        if (p.Value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(p.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)) from = f;
                        else bad(at + ".from", "expected a date YYYY-MM-DD");
                        break;
                    case "tenge": tenge = Int(p.Value, at + ".tenge", 1, 1_000_000, bad); break;
                    case "source":
                        if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } src) source = src;
                        else bad(at + ".source", "expected a non-empty string");
                        break;
                    default: bad($"{at}.{p.Name}", "unknown field (known: from, tenge, source)"); break;
                }
            }
            if (!item.TryGetProperty("from", out _)) bad(at + ".from", "required");
            if (!item.TryGetProperty("tenge", out _)) bad(at + ".tenge", "required");
            if (!item.TryGetProperty("source", out _)) bad(at + ".source", "required: cite where the value comes from");
            if (from is { } day && tenge is { } t && source is not null) values[day] = new MrpValue(day, t, source);
        }
        return new MrpTable([.. values.Values.OrderBy(v => v.From)]);
    }

    private static int? Int(JsonElement v, string at, int min, int max, Action<string, string> bad)
    {
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n)) { bad(at, "expected an integer"); return null; }
        if (n < min || n > max) { bad(at, FormattableString.Invariant($"{n} is outside [{min}, {max}]")); return null; }
        return n;
    }
}
