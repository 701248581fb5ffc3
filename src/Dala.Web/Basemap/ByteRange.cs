namespace Dala.Web.Basemap;

/// <summary>
/// One HTTP byte range (RFC 9110 §14.1.2) of a resource of known length: "bytes=a-b", "bytes=a-" or "bytes=-n".
/// A range past the end is cut to the end; several ranges, another unit, bad syntax or a start at or past the end
/// cannot be satisfied (the server answers 416).
/// </summary>
public readonly record struct ByteRange(long Start, long End)
{
    public long Length => End - Start + 1;

    public string ContentRange(long total) => $"bytes {Start}-{End}/{total}";

    /// <summary>The range asked for, or null with the reason it cannot be served.</summary>
    public static (ByteRange? Range, string? Error) Parse(string header, long total)
    {
        var h = header.Trim();
        if (!h.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return (null, $"Range \"{Clip(h)}\": only bytes ranges are served");
        var spec = h[6..].Trim();
        if (spec.Contains(',')) return (null, $"Range \"{Clip(h)}\": one range per request");
        var dash = spec.IndexOf('-');
        if (dash < 0) return (null, $"Range \"{Clip(h)}\": expected bytes=START-END, bytes=START- or bytes=-SUFFIX");
        var a = spec[..dash].Trim();
        var b = spec[(dash + 1)..].Trim();
        if (a.Length == 0)
        {
            if (!long.TryParse(b, System.Globalization.NumberStyles.None, null, out var suffix) || suffix == 0)
                return (null, $"Range \"{Clip(h)}\": the suffix length must be a positive integer");
            if (total == 0) return (null, "the file is empty");
            return (new ByteRange(Math.Max(0, total - suffix), total - 1), null);
        }
        if (!long.TryParse(a, System.Globalization.NumberStyles.None, null, out var start))
            return (null, $"Range \"{Clip(h)}\": the start must be a non-negative integer");
        long end = total - 1;
        if (b.Length > 0)
        {
            if (!long.TryParse(b, System.Globalization.NumberStyles.None, null, out end) || end < start)
                return (null, $"Range \"{Clip(h)}\": the end must be an integer not below the start");
            end = Math.Min(end, total - 1);
        }
        if (start >= total) return (null, $"Range \"{Clip(h)}\": starts at or past the end of the {total}-byte file");
        return (new ByteRange(start, end), null);
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
