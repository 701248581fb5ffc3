namespace Dala.Geo.Io;

/// <summary>Column lookup by name (case-insensitive) for a CSV header record.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index;

    public CsvHeader(CsvRecord header)
    {
        Record = header;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++) _index.TryAdd(header.Fields[i].Trim(), i);
    }

    public CsvRecord Record { get; }

    public IReadOnlyList<string> Names => Record.Fields;

    public int? IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : null;

    public bool Has(string name) => _index.ContainsKey(name);

    /// <summary>The trimmed field, or null when the column is absent or the field is empty.</summary>
    public string? Get(CsvRecord row, string name)
    {
        if (!_index.TryGetValue(name, out var i) || i >= row.Fields.Count) return null;
        var v = row.Fields[i].Trim();
        return v.Length == 0 ? null : v;
    }
}
