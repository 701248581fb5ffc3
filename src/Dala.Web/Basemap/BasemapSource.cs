using Dala.Geo.Io;

namespace Dala.Web.Basemap;

public enum BasemapKind { Offline, PmTiles, Xyz, Style }

/// <summary>
/// The base every map of the app draws beneath Dala's layers: the offline default (country outline, neighbours,
/// regions, labels of the larger places, all from this server), a PMTiles archive served by this server, an XYZ URL
/// template or a style URL. Read from `dala serve --basemap VALUE`.
/// </summary>
public sealed record BasemapSource(BasemapKind Kind, string? Path = null, string? Url = null, PmTilesHeader? Header = null)
{
    /// <summary>Where the browser reads the PMTiles archive (range requests).</summary>
    public const string PmTilesRoute = "/basemap/tiles.pmtiles";

    public static readonly BasemapSource Offline = new(BasemapKind.Offline);

    /// <summary>
    /// An http(s) URL with {z}, {x} and {y} is an XYZ template; any other http(s) URL a style; anything else the path of a
    /// PMTiles file, which must exist and be a PMTiles v3 archive. ArgumentException (one line, naming the value) otherwise.
    /// </summary>
    public static BasemapSource Parse(string value, Func<string, string>? fullPath = null)
    {
        var v = value.Trim();
        if (v.Length == 0) throw new ArgumentException("--basemap: empty; give a PMTiles file, an XYZ URL template or a style URL");
        if (v.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(v.Replace("{", "").Replace("}", ""), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
                throw new ArgumentException($"--basemap {v}: not a valid URL");
            var placeholders = new[] { "{z}", "{x}", "{y}" }.Count(p => v.Contains(p, StringComparison.Ordinal));
            if (placeholders == 3) return new BasemapSource(BasemapKind.Xyz, Url: v);
            if (placeholders > 0) throw new ArgumentException($"--basemap {v}: an XYZ template needs all of {{z}}, {{x}} and {{y}}");
            return new BasemapSource(BasemapKind.Style, Url: v);
        }
        if (v.Contains("://", StringComparison.Ordinal)) throw new ArgumentException($"--basemap {v}: only http and https URLs are read");
        var path = (fullPath ?? System.IO.Path.GetFullPath)(v);
        if (!File.Exists(path)) throw new ArgumentException($"--basemap {v}: no such file (a PMTiles archive, an XYZ URL template or a style URL)");
        try
        {
            return new BasemapSource(BasemapKind.PmTiles, Path: path, Url: PmTilesRoute, Header: PmTilesHeader.Read(path));
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--basemap {v}: {e.Message}");
        }
    }

    /// <summary>
    /// The origin (scheme://host[:port]) the browser reaches for tiles or a style, which the page must allow (CSP); a
    /// Leaflet subdomain placeholder {s} becomes the wildcard *.
    /// </summary>
    public string? ExternalOrigin
    {
        get
        {
            if (Kind is not (BasemapKind.Xyz or BasemapKind.Style) || Url is not { } u) return null;
            var start = u.IndexOf("://", StringComparison.Ordinal) + 3;
            var end = u.IndexOf('/', start);
            var origin = end < 0 ? u : u[..end];
            return origin.Replace("{s}", "*", StringComparison.Ordinal);
        }
    }
}
