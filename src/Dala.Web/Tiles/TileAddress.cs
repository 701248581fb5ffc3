using System.Globalization;
using Dala.Geo;
using Dala.Quality.Model;
using Dala.Web.Http;

namespace Dala.Web.Tiles;

/// <summary>An XYZ tile (Web Mercator, y counted from the north): zoom 0..<see cref="MaxZoom"/>, x and y in 0..2^z-1.</summary>
public readonly record struct TileAddress(int Z, int X, int Y)
{
    public const int MaxZoom = 22;

    public BBox Bounds => Quadkey.Bounds(X, Y, Z);

    /// <summary>The tile's bounds grown by a fraction of its size on every side (clamped to the Web Mercator world).</summary>
    public BBox Buffered(double fraction)
    {
        var b = Bounds;
        var dx = (b.East - b.West) * fraction;
        var dy = (b.North - b.South) * fraction;
        return new BBox(Math.Max(-180, b.West - dx), Math.Max(-Quadkey.MaxLatitude, b.South - dy),
            Math.Min(180, b.East + dx), Math.Min(Quadkey.MaxLatitude, b.North + dy));
    }

    /// <summary>Reads z, x and y from the path; each bad one is named in <paramref name="q"/>'s problem.</summary>
    public static TileAddress? Read(QueryReader q, string z, string x, string y)
    {
        var zoom = Part(q, "z", z, 0, MaxZoom);
        if (zoom is not { } zz) return null;
        var max = (1 << zz) - 1;
        var col = Part(q, "x", x, 0, max);
        var row = Part(q, "y", y, 0, max);
        return col is { } xx && row is { } yy ? new TileAddress(zz, xx, yy) : null;
    }

    private static int? Part(QueryReader q, string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return q.Error<int?>(name, $"'{text}' is not a whole number");
        return v < min || v > max ? q.Error<int?>(name, $"{v} is outside [{min}, {max}]") : v;
    }
}
