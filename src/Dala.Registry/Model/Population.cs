namespace Dala.Registry.Model;

/// <summary>A head count with where it comes from, or unknown (both null).</summary>
public readonly record struct Population(int? Count, string? Source)
{
    public static readonly Population Unknown = new(null, null);

    public bool IsKnown => Count is not null;
}
