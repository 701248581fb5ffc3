using System.Text;

namespace Dala.Geo.Io;

/// <summary>
/// RFC 4180 reader: quoted fields with doubled quotes and embedded newlines, CRLF or LF, a leading
/// UTF-8 BOM ignored. Every record carries the line it starts on, so errors can name file:line.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, char delimiter = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var inQuotes = false;
        var quotedField = false;
        var any = false;
        int c;
        if (reader.Peek() == '\uFEFF') reader.Read();
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            if (c == '"')
            {
                if (field.Length > 0 || quotedField)
                    throw new CsvFormatException(line, "a quote inside an unquoted field");
                inQuotes = true;
                quotedField = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                quotedField = false;
            }
            else if (c == '\r' && reader.Peek() == '\n') { }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                if (!(fields.Count == 1 && fields[0].Length == 0 && !quotedField))
                    yield return new CsvRecord(start, fields.ToArray());
                fields.Clear();
                field.Clear();
                quotedField = false;
                line++;
                start = line;
                any = false;
            }
            else if (quotedField)
            {
                throw new CsvFormatException(line, "text after a closing quote");
            }
            else field.Append((char)c);
        }
        if (inQuotes) throw new CsvFormatException(start, "the file ends inside a quoted field (truncated?)");
        if (any || fields.Count > 0)
        {
            fields.Add(field.ToString());
            if (!(fields.Count == 1 && fields[0].Length == 0 && !quotedField))
                yield return new CsvRecord(start, fields.ToArray());
        }
    }
}
