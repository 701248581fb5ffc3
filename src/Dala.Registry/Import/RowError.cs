namespace Dala.Registry.Import;

/// <summary>Why one row (or the whole file, line 0 or the line where it broke) was rejected.</summary>
public sealed record RowError(string File, int Line, string Field, string Reason)
{
    /// <summary>The reason without its values ("duplicate id … (first on line …)"), what a summary counts by.</summary>
    public string Kind { get; init; } = ReasonKind.Of(Reason);

    public override string ToString() => $"{File}:{Line}: {Field}: {Reason}";
}
