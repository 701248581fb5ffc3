using System.Globalization;
using Dala.Geo.Io;

namespace Dala.Radio.Itm.Reference;

/// <summary>One case row, read field by field; every failure names the file, the line and the column.</summary>
internal sealed class CaseRow(string file, CsvRecord record, IReadOnlyDictionary<string, int> columns)
{
    public string File { get; } = file;

    public int Line => record.Line;

    public double Number(string column)
    {
        var text = record.Fields[columns[column]];
        return CaseTable.ParseNumber(text) ?? throw Error(column, $"'{text}' is not a number");
    }

    public double? OptionalNumber(string column) => columns.ContainsKey(column) ? Number(column) : null;

    /// <summary>A whole number that <paramref name="valid"/> accepts; <paramref name="expected"/> describes the valid values.</summary>
    public int Code(string column, Func<int, bool> valid, string expected)
    {
        var value = Number(column);
        if (value != Math.Floor(value) || value is < int.MinValue or > int.MaxValue) throw Error(column, $"{value.ToString(CultureInfo.InvariantCulture)} is not a whole number");
        var code = (int)value;
        return valid(code) ? code : throw Error(column, $"{code} is not {expected}");
    }

    private ItmCsvFormatException Error(string column, string reason) => new(File, Line, $"column {column}: {reason}");
}
