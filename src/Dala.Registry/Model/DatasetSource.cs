namespace Dala.Registry.Model;

/// <summary>
/// One file or package that data in the store came from: <see cref="Rows"/> is what the store keeps from it (the
/// settlements, regions, records or sites stored), <see cref="RowsRead"/> the rows or features read from the file
/// (null where not recorded), so that "9,899 read, 7,098 stored" says both.
/// </summary>
public sealed record DatasetSource(string Kind, string Name, string Sha256, DateTimeOffset ImportedAt, int Rows, bool Synthetic)
{
    /// <summary>Rows or features read from the file (the skipped ones included); null when not recorded.</summary>
    public int? RowsRead { get; init; }

    /// <summary>An import time as stores keep it: to the second (every store round-trips it exactly).</summary>
    public static DateTimeOffset Stamp(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);
}
