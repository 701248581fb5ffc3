using System.Globalization;
using Dala.Quality.Aggregates;
using Dala.Quality.Model;

namespace Dala.Quality.Store;

/// <summary>How a measurement maps to columns in every store: the derived month and download bucket, times in microseconds.</summary>
public static class MeasurementColumns
{
    public const long UnixEpochTicks = 621355968000000000;

    public static long Microseconds(DateTimeOffset t) => (t.UtcTicks - UnixEpochTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long us) => new(UnixEpochTicks + us * 10, TimeSpan.Zero);

    /// <summary>The time as stores keep it: UTC, to the microsecond.</summary>
    public static DateTimeOffset Normalise(DateTimeOffset t) => FromMicroseconds(Microseconds(t));

    public static string Month(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static int? DownBucket(Measurement m) => m.DownMbps is { } d ? Histogram.BucketOf(d) : null;

    public static string? Reasons(IReadOnlyList<string> reasons) => reasons.Count == 0 ? null : string.Join('\n', reasons);

    public static IReadOnlyList<string> Reasons(string? text) => string.IsNullOrEmpty(text) ? [] : text.Split('\n');
}
