using Dala.Quality.Model;

namespace Dala.Quality.Verdicts;

/// <summary>Which sources count: every one, crowd tests only, inspector drive tests only, or both as separate verdicts.</summary>
public enum SourceMode
{
    All,
    Crowd,
    Inspector,
    Separate,
}

/// <summary>
/// Which tests count toward a verdict. Always: valid, non-SYNTHETIC single tests. Optionally only the first test per client
/// network per UTC day in each unit (M-Lab style, so a heavy user cannot dominate; tests with no known network are all
/// kept), and inspector drive tests apart from crowd tests.
/// </summary>
public sealed record Sampling(bool OnePerNetworkDay = false, SourceMode Sources = SourceMode.All)
{
    public static readonly Sampling Default = new();

    /// <summary>The source label a test's verdict row carries, or null when the test does not count under this mode.</summary>
    public string? SourceLabel(Measurement m)
    {
        var inspector = m.Source == MeasurementSource.Inspector;
        return Sources switch
        {
            SourceMode.All => "all",
            SourceMode.Crowd => inspector ? null : "crowd",
            SourceMode.Inspector => inspector ? "inspector" : null,
            _ => inspector ? "inspector" : "crowd",
        };
    }

    public static SourceMode? ParseSources(string? s) => s switch
    {
        "all" => SourceMode.All,
        "crowd" => SourceMode.Crowd,
        "inspector" => SourceMode.Inspector,
        "separate" => SourceMode.Separate,
        _ => null,
    };
}
