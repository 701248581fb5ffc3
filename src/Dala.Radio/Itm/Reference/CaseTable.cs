using System.Globalization;
using Dala.Geo.Io;

namespace Dala.Radio.Itm.Reference;

/// <summary>A case file: a header naming every required column (any order, A__db optional) and one case per row.</summary>
internal sealed class CaseTable
{
    public const string ExpectedColumn = "A__db";

    private CaseTable(IReadOnlyList<CaseRow> rows) => Rows = rows;

    public IReadOnlyList<CaseRow> Rows { get; }

    public static CaseTable Read(TextReader reader, string file, IReadOnlyList<string> required)
    {
        var records = Records(reader, file);
        if (records.Count == 0) throw new ItmCsvFormatException(file, 1, $"the file is empty; expected the header {string.Join(',', required)}");

        var header = records[0];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (!required.Contains(name) && name != ExpectedColumn)
                throw new ItmCsvFormatException(file, header.Line, $"unknown column '{name}'; the layout is {string.Join(',', required)}[,{ExpectedColumn}]");
            if (!index.TryAdd(name, i)) throw new ItmCsvFormatException(file, header.Line, $"column '{name}' appears twice");
        }
        var missing = required.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0) throw new ItmCsvFormatException(file, header.Line, $"the header lacks column(s) {string.Join(", ", missing)}");
        if (records.Count == 1) throw new ItmCsvFormatException(file, header.Line, "no cases after the header");

        var rows = new CaseRow[records.Count - 1];
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.Fields.Count != header.Fields.Count)
                throw new ItmCsvFormatException(file, record.Line, $"{record.Fields.Count} fields, but the header has {header.Fields.Count} columns");
            rows[r - 1] = new CaseRow(file, record, index);
        }
        return new CaseTable(rows);
    }

    /// <summary>Every CSV record with Dala.Geo's RFC 4180 reader, its syntax errors given the file name.</summary>
    public static List<CsvRecord> Records(TextReader reader, string file)
    {
        try
        {
            return CsvReader.Read(reader).ToList();
        }
        catch (CsvFormatException e)
        {
            throw new ItmCsvFormatException(file, e.Line, e.Message);
        }
    }

    /// <summary>A field as a finite number (invariant culture), or null when it does not parse.</summary>
    public static double? ParseNumber(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
