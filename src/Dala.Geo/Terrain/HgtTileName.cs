using System.Globalization;

namespace Dala.Geo.Terrain;

/// <summary>
/// One 1 x 1 degree SRTM tile, named after its south-west corner: N43E076 covers 43..44 N, 76..77 E;
/// S12W077 covers 12..11 S, 77..76 W.
/// </summary>
public readonly record struct HgtTileName
{
    /// <summary>Number of possible tiles (180 x 360); <see cref="Key"/> is below it.</summary>
    public const int KeyCount = 180 * 360;

    public HgtTileName(int southLat, int westLon)
    {
        if (southLat is < -90 or > 89) throw new ArgumentOutOfRangeException(nameof(southLat), southLat, "a tile's south edge is in -90..89");
        if (westLon is < -180 or > 179) throw new ArgumentOutOfRangeException(nameof(westLon), westLon, "a tile's west edge is in -180..179");
        SouthLat = southLat;
        WestLon = westLon;
    }

    public int SouthLat { get; }

    public int WestLon { get; }

    /// <summary>A dense index 0 .. <see cref="KeyCount"/> - 1, for array-backed lookups.</summary>
    public int Key => (SouthLat + 90) * 360 + WestLon + 180;

    /// <summary>The <see cref="Key"/> of the tile with this south-west corner, or -1 when it is not a tile's corner.</summary>
    public static int KeyOf(int southLat, int westLon) =>
        (uint)(southLat + 90) < 180 && (uint)(westLon + 180) < 360 ? (southLat + 90) * 360 + westLon + 180 : -1;

    /// <summary>The tile with this <see cref="Key"/>.</summary>
    public static HgtTileName FromKey(int key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(key, KeyCount);
        return new HgtTileName(key / 360 - 90, key % 360 - 180);
    }

    /// <summary>The tile whose interior or south/west edge holds the point; null at 90 N or 180 E (no tile starts there).</summary>
    public static HgtTileName? Containing(double lon, double lat) => TryCreate(Math.Floor(lat), Math.Floor(lon));

    /// <summary>The tile with this south-west corner, or null when the corner is not a tile's.</summary>
    public static HgtTileName? TryCreate(double southLat, double westLon) =>
        southLat is >= -90 and <= 89 && westLon is >= -180 and <= 179 ? new HgtTileName((int)southLat, (int)westLon) : null;

    /// <summary>Parses "N43E076" (any case); null when the text is not a tile name.</summary>
    public static HgtTileName? TryParse(string? text)
    {
        if (text is not { Length: 7 }) return null;
        var ns = char.ToUpperInvariant(text[0]);
        var ew = char.ToUpperInvariant(text[3]);
        if (ns is not ('N' or 'S') || ew is not ('E' or 'W')) return null;
        if (!Digits(text.AsSpan(1, 2), out var lat) || !Digits(text.AsSpan(4, 3), out var lon)) return null;
        return TryCreate(ns == 'N' ? lat : -lat, ew == 'E' ? lon : -lon);
    }

    /// <summary>The tile a file is for, from its name ("N43E076.hgt", or "N43E076.SRTMGL1.hgt"); a clear error otherwise.</summary>
    public static HgtTileName FromPath(string path)
    {
        var file = System.IO.Path.GetFileName(path);
        if (!file.EndsWith(".hgt", StringComparison.OrdinalIgnoreCase))
            throw new HgtFormatException(path, "the file name does not end in .hgt");
        var stem = file[..file.IndexOf('.', StringComparison.Ordinal)];
        return TryParse(stem) ?? throw new HgtFormatException(path,
            $"\"{stem}\" is not an SRTM tile name (N|S + 2-digit latitude + E|W + 3-digit longitude, e.g. N43E076)");
    }

    /// <summary>Whether the point lies in this tile, edges included.</summary>
    public bool Contains(double lon, double lat) =>
        lat >= SouthLat && lat <= SouthLat + 1 && lon >= WestLon && lon <= WestLon + 1;

    /// <summary>The canonical name, e.g. "N43E076", "S12W077".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(SouthLat < 0 ? 'S' : 'N')}{Math.Abs(SouthLat):00}{(WestLon < 0 ? 'W' : 'E')}{Math.Abs(WestLon):000}");

    /// <summary>The canonical file name, e.g. "N43E076.hgt".</summary>
    public string FileName => ToString() + ".hgt";

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
