using System.Globalization;

namespace Dala.Geo.Raster;

/// <summary>
/// The ESRI world file of a north-up grid image: six lines — cell width, two zero rotation terms, minus the cell
/// height, then the longitude and latitude of the centre of the top-left pixel.
/// </summary>
public static class WorldFile
{
    public static string Format(GridSpec spec)
    {
        var lines = new[]
        {
            spec.CellWidth, 0, 0, -spec.CellHeight,
            spec.West + spec.CellWidth / 2, spec.North - spec.CellHeight / 2,
        };
        return string.Join("\n", lines.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n";
    }

    /// <summary>The world file's name for an image: "map.png" → "map.pgw", "map.tif" → "map.tfw".</summary>
    public static string PathFor(string imagePath)
    {
        var ext = Path.GetExtension(imagePath);
        if (ext.Length < 3) throw new ArgumentException($"'{imagePath}' needs an extension of at least two letters for a world file name", nameof(imagePath));
        return Path.ChangeExtension(imagePath, ext[..2] + ext[^1] + "w");
    }
}
