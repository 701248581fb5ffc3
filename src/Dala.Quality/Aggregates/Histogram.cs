namespace Dala.Quality.Aggregates;

/// <summary>
/// Log-scale buckets for download speeds on the 1-2-5 series, from 0.1 to 10,000 Mbit/s: bucket i holds
/// [Edges[i], Edges[i+1]); below the first edge is bucket 0, at or above the last is the last bucket.
/// </summary>
public static class Histogram
{
    public static readonly double[] Edges = [0, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    public static int BucketOf(double mbps)
    {
        for (var i = Edges.Length - 1; i > 0; i--)
            if (mbps >= Edges[i]) return i;
        return 0;
    }

    public static string Label(int bucket) => bucket == Edges.Length - 1
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $">= {Edges[bucket]:0.#}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Edges[bucket]:0.#}-{Edges[bucket + 1]:0.#}");
}

public sealed record HistogramBucket(int Bucket, string Label, double From, double? To, long Tests);
