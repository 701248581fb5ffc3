namespace Dala.Registry.Import;

/// <summary>Why one row (or the whole file, line 0 or the line where it broke) was rejected.</summary>
public sealed record RowError(string File, int Line, string Field, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Reason}";
}
