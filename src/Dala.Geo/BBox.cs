namespace Dala.Geo;

/// <summary>An axis-aligned lon/lat box (west, south, east, north), not crossing the antimeridian.</summary>
public readonly record struct BBox(double West, double South, double East, double North)
{
    public bool Contains(LonLat p) => p.Lon >= West && p.Lon <= East && p.Lat >= South && p.Lat <= North;

    public bool IsValid =>
        new LonLat(West, South).IsValid && new LonLat(East, North).IsValid && West <= East && South <= North;

    /// <summary>Parses "west,south,east,north"; null when the text is not four numbers forming a valid box.</summary>
    public static BBox? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(',');
        if (parts.Length != 4) return null;
        var v = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out v[i])) return null;
        }
        var box = new BBox(v[0], v[1], v[2], v[3]);
        return box.IsValid ? box : null;
    }
}
