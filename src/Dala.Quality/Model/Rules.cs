namespace Dala.Quality.Model;

/// <summary>
/// The validity rules, after M-Lab's NDT unified views (etl-schema, extended_ndt7_downloads: not OAM, not
/// errored, BytesAcked >= 8192, duration 9-60 s), plus the ndt7 spec's early exit: a test the client ended
/// early after its declared volume is complete despite being shorter than 9 s. Each rule is a named reason.
/// A measurement failing any is kept, flagged invalid, and left out of aggregates.
/// </summary>
public static class Rules
{
    public const long MinBytes = 8192;
    public const double MinSeconds = 9;
    public const double MaxSeconds = 60;

    public const string Incomplete = "incomplete: the test did not complete";
    public const string TooFewBytes = "fewer than 8,192 bytes transferred";
    public const string DurationOutside = "duration outside 9-60 s (and not an early exit)";
    public const string PrivateClient = "client address is private, loopback or link-local";

    /// <summary>The reasons a test fails, empty when valid. Rules whose inputs are absent are not applied, except that
    /// an ndt7 test without bytes or duration is incomplete.</summary>
    public static IReadOnlyList<string> Check(Measurement m, bool complete, bool earlyExit, bool privateClient)
    {
        if (m.Kind == MeasurementKind.Tile) return [];
        // Most tests are valid: the list is made only for the first reason.
        List<string>? reasons = null;
        var ndt7 = m.Source is MeasurementSource.Ndt7Server or MeasurementSource.Ndt7Client;
        if (!complete || (ndt7 && (m.Bytes is null || m.DurationS is null))) (reasons ??= []).Add(Incomplete);
        if (m.Bytes is { } b && b < MinBytes) (reasons ??= []).Add(TooFewBytes);
        if (m.DurationS is { } d && (d < MinSeconds || d > MaxSeconds) && !(earlyExit && d <= MaxSeconds)) (reasons ??= []).Add(DurationOutside);
        if (privateClient) (reasons ??= []).Add(PrivateClient);
        return reasons ?? [];
    }
}
