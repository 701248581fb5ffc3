using Dala.Quality.Model;

namespace Dala.Quality.Tests;

/// <summary>Each validity threshold at and around its edge (M-Lab unified views: 8,192 bytes, 9-60 s, early exit, private clients).</summary>
public class RulesTests
{
    private static Measurement Test(long? bytes, double? seconds, MeasurementSource source = MeasurementSource.Ndt7Server) => new()
    {
        Id = "t", Time = DateTimeOffset.UnixEpoch, DownMbps = 50, Bytes = bytes, DurationS = seconds, Source = source,
    };

    [Theory]
    [InlineData(8191, false)]
    [InlineData(8192, true)]
    [InlineData(8193, true)]
    public void Bytes_threshold(long bytes, bool valid) =>
        Assert.Equal(valid, !Rules.Check(Test(bytes, 10), true, false, false).Contains(Rules.TooFewBytes));

    [Theory]
    [InlineData(8.999, false)]
    [InlineData(9.0, true)]
    [InlineData(30, true)]
    [InlineData(60.0, true)]
    [InlineData(60.001, false)]
    public void Duration_window(double seconds, bool valid) =>
        Assert.Equal(valid, Rules.Check(Test(1_000_000, seconds), true, false, false).Count == 0);

    [Theory]
    [InlineData(3.0, true)]
    [InlineData(60.0, true)]
    [InlineData(60.5, false)]
    public void An_early_exit_may_be_shorter_than_9_s_but_not_longer_than_60(double seconds, bool valid) =>
        Assert.Equal(valid, Rules.Check(Test(1_000_000, seconds), true, true, false).Count == 0);

    [Fact]
    public void Incomplete_and_private_are_named()
    {
        Assert.Equal([Rules.Incomplete], Rules.Check(Test(1_000_000, 10), false, false, false));
        Assert.Equal([Rules.PrivateClient], Rules.Check(Test(1_000_000, 10), true, false, true));
        Assert.Equal([Rules.Incomplete], Rules.Check(Test(null, 10), true, false, false));
        Assert.Empty(Rules.Check(Test(null, null, MeasurementSource.Inspector), true, false, false));
    }

    [Fact]
    public void Tiles_are_aggregates_and_not_ruled() =>
        Assert.Empty(Rules.Check(Test(1, 1) with { Kind = MeasurementKind.Tile }, false, false, true));
}
