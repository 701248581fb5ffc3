using System.Globalization;
using System.Text.RegularExpressions;

namespace Dala.Registry.Import;

/// <summary>Field parsers shared by the importers; each returns null and a reason when the text is unusable.</summary>
public static partial class Parse
{
    public static double? Number(string? text, out string? problem)
    {
        problem = null;
        if (text is null) { problem = "missing"; return null; }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        problem = $"'{Clip(text)}' is not a number";
        return null;
    }

    /// <summary>The largest population a settlement may have (Kazakhstan has about 20 million people).</summary>
    public const int MaxPopulation = 50_000_000;

    /// <summary>
    /// A population count: digits with optional thousands separators (space, no-break space, comma, apostrophe) and
    /// a trailing '+'; absent or 0 is unknown (null, no problem). Negative, not a whole number (1e400, 12.5, abc)
    /// or more than <see cref="MaxPopulation"/> is a problem.
    /// </summary>
    public static int? Population(string? text, out string? problem)
    {
        problem = null;
        if (text is null) return null;
        var digits = text.Replace(" ", "").Replace("\u00A0", "").Replace(",", "").Replace("'", "").TrimEnd('+');
        var negative = digits.StartsWith('-') && digits.Length > 1;
        var body = negative ? digits[1..] : digits;
        if (body.Length == 0 || !body.All(char.IsAsciiDigit))
        {
            problem = $"'{Clip(text)}' is not a whole number";
            return null;
        }
        if (negative && body.Any(c => c != '0')) { problem = $"{Clip(text)} is negative"; return null; }
        if (body.TrimStart('0').Length > 9 || long.Parse(body, CultureInfo.InvariantCulture) > MaxPopulation)
        {
            problem = FormattableString.Invariant($"{Clip(text)} is more than the maximum {MaxPopulation:N0}");
            return null;
        }
        var n = int.Parse(body, CultureInfo.InvariantCulture);
        return n == 0 ? null : n;
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
