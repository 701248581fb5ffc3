using System.Globalization;

namespace Dala.Geo.Raster;

/// <summary>
/// The geometry of a north-up lon/lat raster: the north-west corner of cell (0, 0), the cell size in degrees and
/// the number of columns (<see cref="Width"/>) and rows (<see cref="Height"/>). Row 0 is the northernmost row.
/// </summary>
public readonly record struct GridSpec
{
    /// <summary>Slack for floating-point error when the far edges land on ±180 / ±90.</summary>
    private const double EdgeTolerance = 1e-9;

    public GridSpec(double west, double north, double cellWidth, double cellHeight, int width, int height)
    {
        if (!double.IsFinite(cellWidth) || cellWidth <= 0) throw Bad($"cell width {F(cellWidth)} must be a positive number of degrees");
        if (!double.IsFinite(cellHeight) || cellHeight <= 0) throw Bad($"cell height {F(cellHeight)} must be a positive number of degrees");
        if (width < 1 || height < 1) throw Bad($"size {width}×{height} must be at least 1×1 cells");
        if ((long)width * height > Array.MaxLength) throw Bad($"size {width}×{height} has more cells than an array can hold");
        West = west; North = north; CellWidth = cellWidth; CellHeight = cellHeight; Width = width; Height = height;
        if (!double.IsFinite(west) || west < -180 - EdgeTolerance || East > 180 + EdgeTolerance)
            throw Bad($"longitudes {F(west)}..{F(East)} fall outside [-180, 180]");
        if (!double.IsFinite(north) || north > 90 + EdgeTolerance || South < -90 - EdgeTolerance)
            throw Bad($"latitudes {F(South)}..{F(north)} fall outside [-90, 90]");
    }

    public double West { get; }
    public double North { get; }
    public double CellWidth { get; }
    public double CellHeight { get; }
    public int Width { get; }
    public int Height { get; }

    public double East => West + Width * CellWidth;
    public double South => North - Height * CellHeight;
    public int CellCount => Width * Height;

    /// <summary>The outer edges of the grid (cell edges, not centres).</summary>
    public BBox Bounds => new(West, South, East, North);

    /// <summary>The centre of the cell at column <paramref name="col"/>, row <paramref name="row"/>.</summary>
    public LonLat CellCentre(int col, int row)
    {
        CheckCell(col, row);
        return new LonLat(West + (col + 0.5) * CellWidth, North - (row + 0.5) * CellHeight);
    }

    /// <summary>
    /// The cell containing <paramref name="p"/>; false when it lies outside the grid. A point on an inner edge
    /// belongs to the cell east / south of it; one on the east or south outer edge to the last column / row.
    /// </summary>
    public bool TryGetCell(LonLat p, out int col, out int row)
    {
        col = row = -1;
        if (!double.IsFinite(p.Lon) || !double.IsFinite(p.Lat)) return false;
        if (p.Lon < West || p.Lon > East || p.Lat > North || p.Lat < South) return false;
        col = Math.Min(Width - 1, (int)Math.Floor((p.Lon - West) / CellWidth));
        row = Math.Min(Height - 1, (int)Math.Floor((North - p.Lat) / CellHeight));
        return true;
    }

    /// <summary>Index of a cell in a row-major array (row 0 first).</summary>
    public int Index(int col, int row)
    {
        CheckCell(col, row);
        return row * Width + col;
    }

    private void CheckCell(int col, int row)
    {
        if ((uint)col >= (uint)Width || (uint)row >= (uint)Height)
            throw new ArgumentOutOfRangeException(nameof(col), $"cell ({col}, {row}) is outside a {Width}×{Height} grid");
    }

    private static ArgumentException Bad(string message) => new("Invalid grid: " + message);

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
