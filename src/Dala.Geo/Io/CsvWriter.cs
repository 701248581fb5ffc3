using System.Globalization;

namespace Dala.Geo.Io;

/// <summary>Writes RFC 4180 CSV: fields with the delimiter, quotes or newlines are quoted; numbers invariant.</summary>
public sealed class CsvWriter(TextWriter writer, char delimiter = ',')
{
    public void Row(params object?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) writer.Write(delimiter);
            writer.Write(Escape(Format(fields[i])));
        }
        writer.Write('\n');
    }

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
