namespace Dala.Web.Ndt7;

/// <summary>
/// At most <c>Capacity</c> tests at once. A slot is taken before the upgrade and released exactly once when the
/// test's request ends, whatever happened; a request beyond the limit is refused, never queued, so running tests keep
/// their share of the link.
/// </summary>
public sealed class Ndt7Capacity(int capacity)
{
    private int _running;

    public int Capacity => capacity;

    public int Running => Volatile.Read(ref _running);

    public Slot? TryAcquire()
    {
        if (Interlocked.Increment(ref _running) <= capacity) return new Slot(this);
        Interlocked.Decrement(ref _running);
        return null;
    }

    public sealed class Slot(Ndt7Capacity owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Interlocked.Decrement(ref owner._running);
        }
    }
}
