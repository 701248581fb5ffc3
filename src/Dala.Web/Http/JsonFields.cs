using System.Text.Json;

namespace Dala.Web.Http;

/// <summary>
/// Typed reads of one JSON object's fields; every problem goes to <see cref="BodyErrors"/> under the field's path.
/// A field given as null is taken as absent. Unknown and repeated fields are refused when the object is opened.
/// </summary>
public sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly BodyErrors _errors;

    public JsonFields(JsonElement obj, string path, BodyErrors errors, IReadOnlyCollection<string> known)
    {
        (_path, _errors) = (path, errors);
        foreach (var p in obj.EnumerateObject())
        {
            if (!known.Contains(p.Name)) errors.WrongShape(At(p.Name), $"unknown field (known: {string.Join(", ", known)})");
            else if (!_fields.TryAdd(p.Name, p.Value)) errors.WrongShape(At(p.Name), "given more than once");
        }
    }

    public string At(string name) => _path.Length == 0 ? name : _path + "." + name;

    /// <summary>The field's value (JSON null included); null when the field is absent.</summary>
    public JsonElement? Raw(string name) => _fields.TryGetValue(name, out var v) ? v : null;

    public JsonElement? Get(string name) => Raw(name) is { ValueKind: not JsonValueKind.Null } v ? v : null;

    public string? String(string name, bool required = false)
    {
        if (Get(name) is not { } v)
        {
            if (required) _errors.Invalid(At(name), "required");
            return null;
        }
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        Wrong(name, "a string");
        return null;
    }

    public double? Number(string name, double min, double max, bool exclusiveMin = false)
    {
        if (Get(name) is not { } v) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
        {
            Wrong(name, "a number");
            return null;
        }
        if (d >= min && d <= max && !(exclusiveMin && d <= min)) return d;
        _errors.Invalid(At(name), FormattableString.Invariant($"{d} is outside {(exclusiveMin ? "(" : "[")}{min}, {max}]"));
        return null;
    }

    public int? Int(string name, int min, int max)
    {
        if (Get(name) is not { } v) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i))
        {
            Wrong(name, "an integer");
            return null;
        }
        if (i >= min && i <= max) return i;
        _errors.Invalid(At(name), FormattableString.Invariant($"{i} is outside [{min}, {max}]"));
        return null;
    }

    public bool? Bool(string name)
    {
        if (Get(name) is not { } v) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Wrong(name, "true or false");
        return null;
    }

    /// <summary>Reports a field of the wrong JSON type (400).</summary>
    public void Wrong(string name, string expected) =>
        _errors.WrongShape(At(name), $"expected {expected}, got {Raw(name)!.Value.ValueKind.ToString().ToLowerInvariant()}");
}
