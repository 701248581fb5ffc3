namespace Dala.Geo;

/// <summary>The only source of "now" for domain code; tests inject a fixed clock.</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
}

public sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();

    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}
