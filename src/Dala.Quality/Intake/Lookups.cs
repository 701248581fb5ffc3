using Dala.Quality.Model;
using Dala.Registry.Model;

namespace Dala.Quality.Intake;

/// <summary>
/// Per-thread caches for the few distinct texts of the repeated fields (operator, access, source): a line's text
/// is looked up as a span, so a million lines share one string per operator and parse each technology name once.
/// Bounded: past <see cref="Limit"/> distinct texts a new one is answered without being kept.
/// </summary>
internal static class Lookups
{
    private const int Limit = 4096;

    [ThreadStatic] private static Dictionary<string, string>? t_operators;
    [ThreadStatic] private static Dictionary<string, Technology?>? t_access;
    [ThreadStatic] private static Dictionary<string, MeasurementSource?>? t_sources;

    public static string Operator(ReadOnlySpan<char> text) => Cached(ref t_operators, text, s => s);

    public static Technology? Access(ReadOnlySpan<char> text) => Cached(ref t_access, text, Technologies.Parse);

    public static MeasurementSource? Source(ReadOnlySpan<char> text) => Cached(ref t_sources, text, MeasurementSources.Parse);

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
