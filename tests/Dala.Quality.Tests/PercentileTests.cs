using Dala.Quality.Aggregates;

namespace Dala.Quality.Tests;

public class PercentileTests
{
    [Fact]
    public void Linear_interpolation_between_closest_ranks_as_percentile_cont()
    {
        double[] v = [1, 2, 3, 4, 10];
        Assert.Equal(3, Percentiles.Of(v, 0.5));
        Assert.Equal(1.4, Percentiles.Of(v, 0.1), 12);
        Assert.Equal(7.6, Percentiles.Of(v, 0.9), 12);
        Assert.Equal(5, Percentiles.Of([5.0], 0.9));
        Assert.Equal(2.5, Percentiles.Of([1.0, 2, 3, 4], 0.5));
    }

    [Theory]
    [InlineData(0.05, 0)]
    [InlineData(0.2, 1)]
    [InlineData(99.9, 8)]
    [InlineData(100, 9)]
    [InlineData(20000, 15)]
    public void Download_buckets(double mbps, int bucket) => Assert.Equal(bucket, Histogram.BucketOf(mbps));
}
