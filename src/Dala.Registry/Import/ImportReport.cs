namespace Dala.Registry.Import;

/// <summary>
/// What an import did: rows read, stored (new or changed), unchanged, skipped by rule (with the rule), and
/// rejected as errors. Any rejection means nothing was written (<see cref="Committed"/> is false).
/// </summary>
public sealed record ImportReport(
    string Kind,
    string File,
    int Read,
    int Stored,
    int Unchanged,
    IReadOnlyDictionary<string, int> Skipped,
    IReadOnlyList<RowError> Rejected,
    IReadOnlyList<string> Notes,
    bool Committed)
{
    public bool Succeeded => Rejected.Count == 0;

    /// <summary>Rejections counted by field and reason (its values left out), most frequent first, for a summary table.</summary>
    public IReadOnlyList<RejectionCount> RejectedByReason =>
        Rejected.GroupBy(r => (r.Field, r.Kind)).Select(g => new RejectionCount(g.Key.Field, g.Key.Kind, g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Field, StringComparer.Ordinal).ThenBy(x => x.Reason, StringComparer.Ordinal).ToArray();
}

/// <summary>How many rows were rejected for one reason (its values left out) of one field.</summary>
public sealed record RejectionCount(string Field, string Reason, int Count);

/// <summary>The mutable tally an importer fills in while it reads.</summary>
public sealed class ImportTally(string kind, string file)
{
    public string Kind { get; } = kind;
    public string File { get; } = file;
    public int Read { get; set; }
    public int Stored { get; set; }
    public int Unchanged { get; set; }
    public Dictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);
    public List<RowError> Rejected { get; } = [];
    public List<string> Notes { get; } = [];

    public void Skip(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;

    public void Reject(int line, string field, string reason) => Rejected.Add(new RowError(File, line, field, reason));

    /// <summary>A reason written as an interpolated string: its holes are the values a summary leaves out.</summary>
    public void Reject(int line, string field, RejectReason reason) =>
        Rejected.Add(new RowError(File, line, field, reason.Text) { Kind = reason.Kind });

    public ImportReport ToReport(bool committed) =>
        new(Kind, File, Read, Stored, Unchanged, new Dictionary<string, int>(Skipped), Rejected.OrderBy(r => r.Line).ToArray(), Notes.ToArray(), committed);
}
