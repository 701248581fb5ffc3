namespace Dala.Registry.Model;

/// <summary>One file or package that data in the store came from.</summary>
public sealed record DatasetSource(string Kind, string Name, string Sha256, DateTimeOffset ImportedAt, int Rows, bool Synthetic)
{
    /// <summary>An import time as stores keep it: to the second (every store round-trips it exactly).</summary>
    public static DateTimeOffset Stamp(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);
}
