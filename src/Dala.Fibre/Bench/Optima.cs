using System.Globalization;

namespace Dala.Fibre.Bench;

/// <summary>
/// Reads a table of known optima (SteinLib's optima.csv: group,filename,n,m,t,opt,lower,upper; columns found by
/// their header names) into file name → optimum.
/// </summary>
public static class Optima
{
    public static IReadOnlyDictionary<string, long> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static IReadOnlyDictionary<string, long> Read(TextReader text, string source = "optima.csv")
    {
        var header = (text.ReadLine() ?? throw new FormatException($"{source}:1: empty file")).Split(',');
        var file = Array.IndexOf(header, "filename");
        var opt = Array.IndexOf(header, "opt");
        if (file < 0 || opt < 0) throw new FormatException($"{source}:1: the header needs the columns 'filename' and 'opt'");
        var result = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var line = 1;
        while (text.ReadLine() is { } row)
        {
            line++;
            if (row.Trim().Length == 0) continue;
            var fields = row.Split(',');
            if (fields.Length != header.Length) throw new FormatException($"{source}:{line}: {fields.Length} fields, but the header has {header.Length} columns");
            if (!long.TryParse(fields[opt], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{source}:{line}: opt '{fields[opt]}' is not a whole number");
            result[fields[file].Trim()] = value;
        }
        return result;
    }
}
