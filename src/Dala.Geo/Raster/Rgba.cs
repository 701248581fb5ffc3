using System.Globalization;

namespace Dala.Geo.Raster;

/// <summary>An 8-bit-per-channel colour with straight (not premultiplied) alpha.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static readonly Rgba Transparent = new(0, 0, 0, 0);

    /// <summary>CSS hex: "#rrggbb" when opaque, "#rrggbbaa" otherwise.</summary>
    public string ToHex() => A == 255
        ? string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}")
        : string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}{A:x2}");

    /// <summary>Parses "#rrggbb" or "#rrggbbaa".</summary>
    public static Rgba FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length is not (7 or 9) || hex[0] != '#' ||
            !uint.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"'{hex}' is not a colour of the form #rrggbb or #rrggbbaa");
        if (hex.Length == 7) v = (v << 8) | 0xFF;
        return new Rgba((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public override string ToString() => ToHex();
}
