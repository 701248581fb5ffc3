using Dala.Geo.Io;

namespace Dala.Rollout.Giga.Input;

/// <summary>Reads one CSV file of a case: checks the header holds the required columns, then yields typed rows.</summary>
internal static class CsvTable
{
    public static IReadOnlyList<T> Read<T>(string directory, string fileName, string[] columns, Func<CsvRow, T> parse, Func<T, string> id)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path)) throw new GigaInputException($"{path}: file not found");
        using var reader = new StreamReader(path);
        var rows = new List<T>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            CsvHeader? header = null;
            foreach (var record in CsvReader.Read(reader))
            {
                if (header is null)
                {
                    header = new CsvHeader(record);
                    var missing = columns.FirstOrDefault(c => !header.Has(c));
                    if (missing is not null) throw new GigaInputException($"{fileName}:{record.Line}: {missing}: the header lacks this column");
                    continue;
                }
                if (record.Fields.Count != header.Names.Count)
                    throw new GigaInputException($"{fileName}:{record.Line}: row: {record.Fields.Count} fields where the header has {header.Names.Count}");
                var row = parse(new CsvRow(fileName, header, record));
                if (!ids.Add(id(row))) throw new GigaInputException($"{fileName}:{record.Line}: {columns[0]}: '{id(row)}' appears twice");
                rows.Add(row);
            }
            if (header is null) throw new GigaInputException($"{fileName}:1: header: the file is empty");
        }
        catch (CsvFormatException e)
        {
            throw new GigaInputException($"{fileName}:{e.Line}: row: {e.Message}");
        }
        return rows;
    }
}
