using Dala.Geo.Io;
using Dala.Registry.Import;

namespace Dala.Permits.Import;

/// <summary>One CSV row's fields for the permit importers: each bad value is rejected by name on the tally (the registry's parsers).</summary>
internal sealed class CsvFields(CsvHeader header, CsvRecord record, ImportTally tally)
{
    public bool Ok { get; private set; } = true;

    public int Line => record.Line;

    public string? Text(string name) => header.Get(record, name);

    public string Required(string name)
    {
        if (Text(name) is { } t) return t;
        Reject(name, "missing");
        return "";
    }

    /// <summary>A date YYYY-MM-DD; empty is null ("not yet") unless required.</summary>
    public DateOnly? Date(string name, bool required = false)
    {
        var t = Text(name);
        if (t is null)
        {
            if (required) Reject(name, "missing");
            return null;
        }
        var d = Parse.Date(t, out var problem);
        if (d is null) Reject(name, problem!);
        return d;
    }

    public double? Number(string name)
    {
        if (Text(name) is not { } t) return null;
        var v = Parse.Number(t, out var problem);
        if (v is null) Reject(name, problem!);
        return v;
    }

    public void Reject(string field, string reason)
    {
        tally.Reject(Line, field, reason);
        Ok = false;
    }
}
