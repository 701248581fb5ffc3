using System.Globalization;
using Dala.Registry.Import;
using Dala.Registry.Model;

namespace Dala.Registry.Indicators;

/// <summary>A problem with one row (CSV line, or JSON array index) of indicator values: the field and why.</summary>
public sealed record IndicatorRowError(int Row, string Field, string Reason);

/// <summary>
/// Reads rows of indicator values (our CSV, or the same fields as JSON objects), collecting every problem with its row and
/// field. Fields: indicator, name, unit, date, value, source (required); region (empty or KZ: national; else an ISO
/// 3166-2:KZ code), source_url (http or https), target, target_date, target_source, synthetic (true|false), note.
/// Rows of one indicator must agree on name, unit and target; the same indicator, region and date twice is refused.
/// </summary>
public sealed class IndicatorRows(DateOnly today)
{
    public static readonly IReadOnlyList<string> Required = ["indicator", "name", "unit", "date", "value", "source"];

    public static readonly IReadOnlyList<string> Optional =
        ["region", "source_url", "target", "target_date", "target_source", "synthetic", "note"];

    public static IReadOnlyList<string> Fields => [.. Required, .. Optional];

    private const int MaxSource = 500;
    private static readonly DateOnly Earliest = new(1991, 1, 1);

    private readonly Dictionary<string, (Indicator Indicator, int Row)> _indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string, DateOnly, bool), int> _keys = [];
    private readonly List<IndicatorPoint> _points = [];

    public List<IndicatorRowError> Errors { get; } = [];

    public int Rows { get; private set; }

    public IndicatorSet ToSet() => new(_indicators.Values.Select(v => v.Indicator).ToArray(), _points.ToArray());

    /// <summary>Adds one row; <paramref name="get"/> gives a field's trimmed text, or null when absent or empty.</summary>
    public void Add(int row, Func<string, string?> get)
    {
        Rows++;
        var before = Errors.Count;
        void Bad(string field, string reason) => Errors.Add(new IndicatorRowError(row, field, reason));
        string? Need(string field)
        {
            var v = get(field);
            if (v is null) Bad(field, "missing");
            return v;
        }

        var id = Need("indicator");
        if (id is not null && !Parse.IsId(id)) Bad("indicator", $"'{Parse.Clip(id)}' is not an id (1 to 64 of A-Z a-z 0-9 . _ : -)");
        var name = Text(Need("name"), "name", NameRules.MaxLength, Bad);
        var unit = Text(Need("unit"), "unit", 40, Bad);
        var source = Text(Need("source"), "source", MaxSource, Bad);
        var note = Text(get("note"), "note", MaxSource, Bad);
        var targetSource = Text(get("target_source"), "target_source", MaxSource, Bad);
        var url = get("source_url");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && url.Length <= MaxSource))
            Bad("source_url", $"'{Parse.Clip(url)}' is not an http or https URL");
        var region = get("region") ?? IndicatorPoint.National;
        if (region == "KZ") region = IndicatorPoint.National;
        if (region.Length > 0 && KazakhstanRegions.FindByCode(region) is null)
            Bad("region", $"'{Parse.Clip(region)}' is not an ISO 3166-2:KZ region code (e.g. KZ-AKM), KZ or empty for the country");
        var date = DateIn(get("date"), "date", today.AddDays(1), Bad, required: true);
        var value = Number(get("value"), "value", Bad, required: true);
        var target = Number(get("target"), "target", Bad, required: false);
        var targetDate = DateIn(get("target_date"), "target_date", new DateOnly(2100, 12, 31), Bad, required: false);
        if (targetDate is not null && target is null && get("target") is null) Bad("target_date", "given without a target");
        var synthetic = false;
        if (get("synthetic") is { } syn)
        {
            if (syn.Equals("true", StringComparison.OrdinalIgnoreCase)) synthetic = true;
            else if (!syn.Equals("false", StringComparison.OrdinalIgnoreCase)) Bad("synthetic", $"'{Parse.Clip(syn)}' is not true or false");
        }
        if (Errors.Count > before) return;

        var indicator = new Indicator(id!, name!, unit!, target, targetDate, targetSource);
        if (_indicators.TryGetValue(id!, out var seen))
        {
            if (seen.Indicator != indicator)
            {
                Bad(Differing(seen.Indicator, indicator), $"differs from row {seen.Row} of the same indicator {id}");
                return;
            }
        }
        else _indicators[id!] = (indicator, row);
        var point = new IndicatorPoint(id!, region, date!.Value, value!.Value, source!, url, false, synthetic, note);
        if (_keys.TryGetValue(point.Key, out var first))
        {
            Bad("date", $"{id} {(region.Length == 0 ? "national" : region)} on {date:yyyy-MM-dd} is given twice (first on row {first})");
            return;
        }
        _keys[point.Key] = row;
        _points.Add(point);
    }

    private static string Differing(Indicator a, Indicator b) =>
        a.Name != b.Name ? "name" : a.Unit != b.Unit ? "unit" : a.Target != b.Target ? "target" : a.TargetDate != b.TargetDate ? "target_date" : "target_source";

    private static string? Text(string? v, string field, int max, Action<string, string> bad)
    {
        if (v is null) return null;
        if (v.Length > max) { bad(field, $"is {v.Length:N0} characters long, more than the maximum {max}"); return null; }
        if (NameRules.Problem(v) is { } p && v.Length <= NameRules.MaxLength) { bad(field, p); return null; }
        if (v.Any(char.IsControl)) { bad(field, "contains a control character"); return null; }
        return v;
    }

    private static double? Number(string? v, string field, Action<string, string> bad, bool required)
    {
        if (v is null)
        {
            if (required) bad(field, "missing");
            return null;
        }
        var n = Parse.Number(v, out var problem);
        if (problem is not null) bad(field, problem);
        return n;
    }

    private DateOnly? DateIn(string? v, string field, DateOnly latest, Action<string, string> bad, bool required)
    {
        if (v is null)
        {
            if (required) bad(field, "missing");
            return null;
        }
        var d = Parse.Date(v, out var problem);
        if (problem is not null) { bad(field, problem); return null; }
        if (d < Earliest || d > latest)
        {
            bad(field, string.Create(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd} is outside {Earliest:yyyy-MM-dd} .. {latest:yyyy-MM-dd}"));
            return null;
        }
        return d;
    }
}
