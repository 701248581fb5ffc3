using System.Globalization;
using Dala.Geo.Io;

namespace Dala.Rollout.Giga.Input;

/// <summary>Typed access to one CSV record; every failure names file:line, the column and the reason.</summary>
internal sealed class CsvRow(string file, CsvHeader header, CsvRecord record)
{
    public int Line => record.Line;

    public GigaInputException Error(string column, string reason) => new($"{file}:{record.Line}: {column}: {reason}");

    public string Text(string column) =>
        header.Get(record, column) ?? throw Error(column, "is empty");

    /// <summary>The trimmed field, or "" when the column is absent or empty.</summary>
    public string OptionalText(string column) => header.Get(record, column) ?? "";

    public double Number(string column, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var text = Text(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw Error(column, $"'{text}' is not a number");
        if (v < min || v > max) throw Error(column, $"{text} is outside [{Show(min)}, {Show(max)}]");
        return v;
    }

    public int Count(string column)
    {
        var text = Text(column);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < 0)
            throw Error(column, $"'{text}' is not a whole number >= 0");
        return v;
    }

    public bool Flag(string column)
    {
        var text = Text(column);
        return text.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" => true,
            "FALSE" or "0" or "NO" => false,
            _ => throw Error(column, $"'{text}' is not True or False"),
        };
    }

    private static string Show(double v) => double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString(CultureInfo.InvariantCulture);
}
