using Dala.Geo;

namespace Dala.Testing;

/// <summary>A clock that says what the test tells it to.</summary>
public sealed class FakeClock(DateTimeOffset now) : IClock
{
    public static FakeClock At(string iso) => new(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    public DateTimeOffset Now { get; set; } = now;
}
