namespace Dala.Web.Ndt7;

/// <summary>
/// The minimum-progress rule: a test whose data has not moved for <c>IdleTimeout</c> while it is still being measured is
/// cancelled (the handler records it as <see cref="Ndt7Outcome.Idle"/>) and its slot freed. After the measured phase the
/// close handshake is bounded by the hard cap alone.
/// </summary>
public static class Ndt7Idle
{
    /// <summary>How long to wait before looking again; zero when the session is idle now.</summary>
    public static TimeSpan NextCheck(TimeSpan sinceProgress, TimeSpan timeout) =>
        sinceProgress >= timeout ? TimeSpan.Zero : timeout - sinceProgress;

    /// <summary>Watches one session until it ends its measured phase or <paramref name="stop"/> fires; cancels <paramref name="idle"/> when the rule says so.</summary>
    public static async Task WatchAsync(Ndt7Session session, TimeSpan timeout, CancellationTokenSource idle, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested && session.MeasuredElapsed is null)
            {
                var wait = NextCheck(session.SinceProgress, timeout);
                if (wait == TimeSpan.Zero)
                {
                    await idle.CancelAsync();
                    return;
                }
                await Task.Delay(wait, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // the test ended
        }
    }
}
