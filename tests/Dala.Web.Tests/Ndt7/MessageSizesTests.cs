using Dala.Web.Ndt7;

namespace Dala.Web.Tests.Ndt7;

public sealed class MessageSizesTests
{
    private static readonly Ndt7Settings Spec = Ndt7Settings.Default;

    [Fact]
    public void Starts_at_8_KiB_for_16_messages_then_doubles_every_8_messages()
    {
        var sizes = MessageSizes.Schedule(Spec, 40).ToArray();
        Assert.All(sizes[..16], s => Assert.Equal(1 << 13, s));
        Assert.All(sizes[16..24], s => Assert.Equal(1 << 14, s));
        Assert.All(sizes[24..32], s => Assert.Equal(1 << 15, s));
        Assert.All(sizes[32..40], s => Assert.Equal(1 << 16, s));
    }

    [Fact]
    public void Doubles_exactly_when_the_bytes_sent_reach_16_times_the_current_size()
    {
        Assert.Equal(8192, MessageSizes.Next(8192, 16 * 8192 - 1, Spec));
        Assert.Equal(16384, MessageSizes.Next(8192, 16 * 8192, Spec));
        Assert.Equal(1 << 21, MessageSizes.Next(1 << 20, 16L << 20, Spec));
    }

    [Fact]
    public void Grows_to_16_MiB_and_stays_there()
    {
        var sizes = MessageSizes.Schedule(Spec, 200).ToArray();
        Assert.Equal(1 << 24, sizes.Max());
        var first = Array.IndexOf(sizes, 1 << 24);
        Assert.All(sizes[first..], s => Assert.Equal(1 << 24, s));
        Assert.Equal(1 << 24, MessageSizes.Next(1 << 24, long.MaxValue / 2, Spec));
    }

    [Fact]
    public void Never_exceeds_an_eighth_of_what_was_sent_before_it_once_it_grows()
    {
        long total = 0;
        foreach (var size in MessageSizes.Schedule(Spec, 200))
        {
            if (size > Spec.InitialMessageSize) Assert.True(size <= total / 8, $"{size} after {total}");
            total += size;
        }
    }

    [Fact]
    public void Respects_a_smaller_maximum()
    {
        var settings = Spec with { MaxMessageSize = 1 << 20 };
        Assert.Equal(1 << 20, MessageSizes.Schedule(settings, 200).Max());
    }

    [Fact]
    public void Bad_settings_fail_at_start_up()
    {
        Assert.Throws<ArgumentException>(() => (Spec with { HardCap = TimeSpan.FromSeconds(5) }).Validated());
        Assert.Throws<ArgumentException>(() => (Spec with { Capacity = 0 }).Validated());
        Assert.Throws<ArgumentException>(() => (Spec with { InitialMessageSize = 1 << 25 }).Validated());
    }
}
