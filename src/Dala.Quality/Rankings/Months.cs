using System.Globalization;

namespace Dala.Quality.Rankings;

/// <summary>YYYY-MM months: parsing, the month before, ranges, quarters.</summary>
public static class Months
{
    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        return text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
    }

    public static string Format(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Previous(string month) => TryParse(month, out var m) ? Format(m.AddMonths(-1)) : throw new FormatException($"'{month}' is not YYYY-MM");

    /// <summary>Every month from..to inclusive (empty when to is before from).</summary>
    public static IReadOnlyList<string> Range(string from, string to)
    {
        if (!TryParse(from, out var a) || !TryParse(to, out var b)) throw new FormatException($"'{from}'..'{to}' is not YYYY-MM..YYYY-MM");
        var list = new List<string>();
        for (var m = a; m <= b; m = m.AddMonths(1)) list.Add(Format(m));
        return list;
    }

    /// <summary>"2021-Q3" for any month of that quarter.</summary>
    public static string Quarter(string month) =>
        TryParse(month, out var m) ? string.Create(CultureInfo.InvariantCulture, $"{m.Year}-Q{(m.Month - 1) / 3 + 1}") : throw new FormatException($"'{month}' is not YYYY-MM");
}
