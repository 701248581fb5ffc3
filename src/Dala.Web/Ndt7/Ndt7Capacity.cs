using System.Net;

namespace Dala.Web.Ndt7;

/// <summary>
/// At most <c>Capacity</c> tests at once, and at most <c>MaxPerAddress</c> from one client address (0: no per-address
/// limit). A slot is taken before the upgrade and released exactly once when the test's request ends, whatever happened;
/// a request beyond a limit is refused, never queued, so running tests keep their share of the link.
/// </summary>
public sealed class Ndt7Capacity(int capacity, int maxPerAddress = 0)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _perAddress = new(StringComparer.Ordinal);
    private int _running;

    public int Capacity => capacity;

    public int MaxPerAddress => maxPerAddress;

    public int Running => Volatile.Read(ref _running);

    /// <summary>Why a slot was not given.</summary>
    public enum Refusal { None, ServerFull, AddressFull }

    public Slot? TryAcquire() => TryAcquire(null, out _);

    public Slot? TryAcquire(IPAddress? address, out Refusal refusal)
    {
        var key = address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        lock (_gate)
        {
            if (_running >= capacity)
            {
                refusal = Refusal.ServerFull;
                return null;
            }
            if (key is not null && maxPerAddress > 0)
            {
                var n = _perAddress.GetValueOrDefault(key);
                if (n >= maxPerAddress)
                {
                    refusal = Refusal.AddressFull;
                    return null;
                }
                _perAddress[key] = n + 1;
            }
            _running++;
        }
        refusal = Refusal.None;
        return new Slot(this, maxPerAddress > 0 ? key : null);
    }

    private void Release(string? key)
    {
        lock (_gate)
        {
            _running--;
            if (key is null) return;
            if (_perAddress[key] <= 1) _perAddress.Remove(key);
            else _perAddress[key]--;
        }
    }

    public sealed class Slot(Ndt7Capacity owner, string? address) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(address);
        }
    }
}
