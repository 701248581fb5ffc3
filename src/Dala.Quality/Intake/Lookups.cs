using System.Net;
using Dala.Quality.Model;
using Dala.Registry.Model;

namespace Dala.Quality.Intake;

/// <summary>
/// Per-thread caches for the few distinct texts of the repeated fields (operator, access, source, client network): a
/// line's text is looked up as a span, so a million lines share one string per operator and parse each technology name once.
/// Bounded: past <see cref="Limit"/> distinct texts a new one is answered without being kept.
/// </summary>
internal static class Lookups
{
    private const int Limit = 4096;

    [ThreadStatic] private static Dictionary<string, string>? t_operators;
    [ThreadStatic] private static Dictionary<string, Technology?>? t_access;
    [ThreadStatic] private static Dictionary<string, MeasurementSource?>? t_sources;
    [ThreadStatic] private static Dictionary<ulong, string>? t_networks;

    public static string Operator(ReadOnlySpan<char> text) => Cached(ref t_operators, text, s => s);

    public static Technology? Access(ReadOnlySpan<char> text) => Cached(ref t_access, text, Technologies.Parse);

    public static MeasurementSource? Source(ReadOnlySpan<char> text) => Cached(ref t_sources, text, MeasurementSources.Parse);

    /// <summary>
    /// <see cref="NetworkAddress.Truncate(IPAddress)"/> of the address (the same text), made once per network: the tests of
    /// a file come from comparatively few /24 and /48 networks, and formatting an address is a good part of a line's cost.
    /// </summary>
    public static string Network(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        Span<byte> b = stackalloc byte[16];
        if (!address.TryWriteBytes(b, out var n)) return NetworkAddress.Truncate(address);
        // The kept bytes (3 of IPv4, 6 of IPv6) and the family, as one key.
        var key = n == 4 ? 1UL << 56 | (ulong)b[0] << 16 | (ulong)b[1] << 8 | b[2]
            : 2UL << 56 | (ulong)b[0] << 40 | (ulong)b[1] << 32 | (ulong)b[2] << 24 | (ulong)b[3] << 16 | (ulong)b[4] << 8 | b[5];
        var cache = t_networks ??= [];
        if (cache.TryGetValue(key, out var hit)) return hit;
        var text = NetworkAddress.Truncate(address);
        if (cache.Count < Limit) cache[key] = text;
        return text;
    }

    private static T Cached<T>(ref Dictionary<string, T>? cache, ReadOnlySpan<char> text, Func<string, T> make)
    {
        cache ??= new Dictionary<string, T>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var hit)) return hit;
        var s = new string(text);
        var v = make(s);
        if (cache.Count < Limit) cache[s] = v;
        return v;
    }
}
