namespace Dala.Quality.Aggregates;

public static class Buckets
{
    /// <summary>Every bucket of <see cref="Histogram"/> with its count (0 where none).</summary>
    public static IReadOnlyList<HistogramBucket> Of(IReadOnlyDictionary<int, long> counts) =>
        Enumerable.Range(0, Histogram.Edges.Length).Select(i => new HistogramBucket(i, Histogram.Label(i), Histogram.Edges[i],
            i + 1 < Histogram.Edges.Length ? Histogram.Edges[i + 1] : null, counts.GetValueOrDefault(i))).ToArray();
}
