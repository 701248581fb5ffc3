namespace Dala.Web.Ndt7;

/// <summary>
/// The download's binary message size (the spec's appendix, as ndt-server does it): start at 2^13 bytes and double
/// whenever the bytes already sent reach <c>ScalingFraction</c> (16) times the current size, up to the maximum.
/// Small messages keep slow links measurable; big ones keep fast links full without a send call per few kilobytes.
/// </summary>
public static class MessageSizes
{
    /// <summary>The size of the next message, given the current one and the bytes sent so far (including it).</summary>
    public static int Next(int current, long totalSent, Ndt7Settings settings)
    {
        if (current >= settings.MaxMessageSize) return settings.MaxMessageSize;
        if (totalSent < (long)current * settings.ScalingFraction) return current;
        return (int)Math.Min((long)current * 2, settings.MaxMessageSize);
    }

    /// <summary>The sizes of the first <paramref name="count"/> messages when every send completes (for tests and the README).</summary>
    public static IEnumerable<int> Schedule(Ndt7Settings settings, int count)
    {
        var size = settings.InitialMessageSize;
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            yield return size;
            total += size;
            size = Next(size, total, settings);
        }
    }
}
