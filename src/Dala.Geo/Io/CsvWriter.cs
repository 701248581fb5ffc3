using System.Buffers;
using System.Globalization;

namespace Dala.Geo.Io;

/// <summary>
/// Writes RFC 4180 CSV: fields with the delimiter, quotes or newlines are quoted; numbers invariant. Every CSV Dala
/// writes goes through here, so every cell is neutralised the same way (<see cref="Neutralise"/>).
/// </summary>
public sealed class CsvWriter(TextWriter writer, char delimiter = ',')
{
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");

    public void Row(params object?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) writer.Write(delimiter);
            writer.Write(Escape(Neutralise(Format(fields[i]))));
        }
        writer.Write('\n');
    }

    /// <summary>
    /// Spreadsheet formula injection (OWASP "CSV injection"): a cell whose text begins with =, +, -, @, a tab or a carriage
    /// return is read by spreadsheets as a formula, so such a text is written with a single quote (') in front. A number
    /// (what we format, or a text that is wholly an invariant number such as -3.5, -1e-5 or -Infinity) stays as it is: a
    /// negative number must stay a number, and a bare number cannot be a formula.
    /// </summary>
    public static string Neutralise(string cell) =>
        cell.Length > 0 && FormulaStart.Contains(cell[0]) && !IsNumber(cell) ? "'" + cell : cell;

    private static bool IsNumber(string s) =>
        double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _);

    private static string Format(object? v) => v switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.#######", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private string Escape(string s) =>
        s.Contains(delimiter) || s.Contains('"') || s.Contains('\n') || s.Contains('\r') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
