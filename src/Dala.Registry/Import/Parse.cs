using System.Globalization;
using System.Text.RegularExpressions;

namespace Dala.Registry.Import;

/// <summary>Field parsers shared by the importers; each returns null and a reason when the text is unusable.</summary>
internal static partial class Parse
{
    public static double? Number(string? text, out string? problem)
    {
        problem = null;
        if (text is null) { problem = "missing"; return null; }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        problem = $"'{Clip(text)}' is not a number";
        return null;
    }

    /// <summary>A population count: digits with optional thousands separators; absurd values are unknown.</summary>
    public static int? Population(string? text)
    {
        if (text is null) return null;
        var digits = text.Replace(" ", "").Replace("\u00A0", "").Replace(",", "").Replace("'", "").TrimEnd('+');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 30_000_000
            ? n : null;
    }

    public static DateOnly? Date(string? text, out string? problem)
    {
        problem = null;
        if (text is null) { problem = "missing"; return null; }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        problem = $"'{Clip(text)}' is not a date (YYYY-MM-DD)";
        return null;
    }

    /// <summary>Ids are 1 to 64 characters of letters, digits and . _ : -</summary>
    public static bool IsId(string text) => IdPattern().IsMatch(text);

    public static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex IdPattern();
}
