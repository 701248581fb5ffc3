using System.Globalization;
using System.Text.Json;

namespace Dala.Rollout.Giga.Input;

/// <summary>A JSON value and its path ($.a.b[0].c); every failure names the file, the path and the reason.</summary>
internal readonly record struct JsonField(string File, string Path, JsonElement Value)
{
    public GigaInputException Error(string reason) => new($"{File}: {Path}: {reason}");

    public JsonField Child(string name)
    {
        if (Value.ValueKind != JsonValueKind.Object) throw Error($"expected an object, found {Kind(Value)}");
        var path = $"{Path}.{name}";
        return Value.TryGetProperty(name, out var v) ? new JsonField(File, path, v) : throw new GigaInputException($"{File}: {path}: missing");
    }

    public JsonField? Optional(string name) =>
        Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty(name, out var v) ? new JsonField(File, $"{Path}.{name}", v) : null;

    public IEnumerable<JsonField> Items()
    {
        if (Value.ValueKind != JsonValueKind.Array) throw Error($"expected an array, found {Kind(Value)}");
        var file = File;
        var path = Path;
        return Value.EnumerateArray().Select((v, i) => new JsonField(file, $"{path}[{i}]", v)).ToArray();
    }

    public double Number(double min = 0, double max = double.PositiveInfinity, bool minExclusive = false)
    {
        if (Value.ValueKind != JsonValueKind.Number || !Value.TryGetDouble(out var v) || !double.IsFinite(v))
            throw Error($"expected a number, found {Kind(Value)}");
        if (v < min || (minExclusive && v <= min) || v > max)
            throw Error($"{v.ToString(CultureInfo.InvariantCulture)} is out of range ({(minExclusive ? "> " : ">= ")}{min.ToString(CultureInfo.InvariantCulture)}" +
                        (double.IsPositiveInfinity(max) ? ")" : $", <= {max.ToString(CultureInfo.InvariantCulture)})"));
        return v;
    }

    public int Whole(int min, int max)
    {
        var v = Number(min, max);
        return v == Math.Floor(v) ? (int)v : throw Error($"{v.ToString(CultureInfo.InvariantCulture)} is not a whole number");
    }

    public bool Flag() => Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected true or false, found {Kind(Value)}"),
    };

    public string Text() => Value.ValueKind == JsonValueKind.String ? Value.GetString()! : throw Error($"expected a string, found {Kind(Value)}");

    public static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{v.GetString()}\"",
        JsonValueKind.Number => $"the number {v.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        _ => "null",
    };
}
