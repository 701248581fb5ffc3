using System.Text;
using Dala.Geo;

namespace Dala.Quality.Model;

/// <summary>
/// Bing Maps tile system quadkeys (the grid of Ookla's open data): tile X/Y at a level interleaved into base-4
/// digits, most significant first. Latitudes are clipped to ±85.05112878°.
/// </summary>
public static class Quadkey
{
    public const double MaxLatitude = 85.05112878;

    public static string FromTile(int x, int y, int level)
    {
        if (level is < 1 or > 23) throw new ArgumentOutOfRangeException(nameof(level), level, "level must be 1..23");
        var b = new StringBuilder(level);
        for (var i = level; i > 0; i--)
        {
            var digit = '0';
            var mask = 1 << (i - 1);
            if ((x & mask) != 0) digit++;
            if ((y & mask) != 0) digit += (char)2;
            b.Append(digit);
        }
        return b.ToString();
    }

    public static (int X, int Y, int Level) ToTile(string quadkey)
    {
        if (string.IsNullOrEmpty(quadkey) || quadkey.Length > 23) throw new FormatException($"'{quadkey}' is not a quadkey (1-23 digits 0-3)");
        int x = 0, y = 0;
        var level = quadkey.Length;
        for (var i = level; i > 0; i--)
        {
            var mask = 1 << (i - 1);
            switch (quadkey[level - i])
            {
                case '0': break;
                case '1': x |= mask; break;
                case '2': y |= mask; break;
                case '3': x |= mask; y |= mask; break;
                default: throw new FormatException($"'{quadkey}' is not a quadkey (1-23 digits 0-3)");
            }
        }
        return (x, y, level);
    }

    /// <summary>The tile containing a point at a level (Web Mercator, as Bing and Ookla).</summary>
    public static (int X, int Y) TileAt(LonLat p, int level)
    {
        var lat = Math.Clamp(p.Lat, -MaxLatitude, MaxLatitude);
        var lon = Math.Clamp(p.Lon, -180, 180);
        var x = (lon + 180) / 360;
        var sin = Math.Sin(lat * Math.PI / 180);
        var y = 0.5 - Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI);
        var size = 1L << level;
        return ((int)Math.Clamp(Math.Floor(x * size), 0, size - 1), (int)Math.Clamp(Math.Floor(y * size), 0, size - 1));
    }

    public static string At(LonLat p, int level)
    {
        var (x, y) = TileAt(p, level);
        return FromTile(x, y, level);
    }

    /// <summary>The tile's bounds in degrees.</summary>
    public static BBox Bounds(string quadkey)
    {
        var (x, y, level) = ToTile(quadkey);
        return Bounds(x, y, level);
    }

    /// <summary>The bounds in degrees of tile x/y at a level (0..30; y counted from the north, as XYZ and Bing tiles are).</summary>
    public static BBox Bounds(int x, int y, int level)
    {
        double n = 1L << level;
        static double Lat(double yy) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * yy))) * 180 / Math.PI;
        return new BBox(x / n * 360 - 180, Lat((y + 1) / n), (x + 1) / n * 360 - 180, Lat(y / n));
    }

    public static LonLat Centre(string quadkey)
    {
        var b = Bounds(quadkey);
        return new LonLat((b.West + b.East) / 2, (b.South + b.North) / 2);
    }
}
