namespace Dala.Geo.Raster;

/// <summary>
/// One band of float32 values over a <see cref="GridSpec"/>, row-major with row 0 the northernmost. Cells equal
/// to <see cref="NoData"/>, and NaN cells, have no value. Immutable: the values are copied in.
/// </summary>
public sealed class RasterGrid
{
    private readonly float[] _values;

    public RasterGrid(GridSpec spec, float noData, ReadOnlySpan<float> values)
    {
        if (spec.Width < 1) throw new ArgumentException("Invalid grid: the spec is empty (default GridSpec)", nameof(spec));
        if (values.Length != spec.CellCount)
            throw new ArgumentException($"Invalid grid: {values.Length} values for {spec.Width}×{spec.Height} = {spec.CellCount} cells", nameof(values));
        Spec = spec;
        NoData = noData;
        _values = values.ToArray();
    }

    public GridSpec Spec { get; }

    public float NoData { get; }

    public int Width => Spec.Width;

    public int Height => Spec.Height;

    /// <summary>All values, row-major, row 0 first.</summary>
    public ReadOnlySpan<float> Values => _values;

    public float this[int col, int row] => _values[Spec.Index(col, row)];

    public bool IsNoData(float value) => float.IsNaN(value) || value == NoData;

    public bool HasValue(int col, int row) => !IsNoData(this[col, row]);

    /// <summary>The value of the cell containing <paramref name="p"/>; null outside the grid or on NoData.</summary>
    public float? ValueAt(LonLat p)
    {
        if (!Spec.TryGetCell(p, out var col, out var row)) return null;
        var v = this[col, row];
        return IsNoData(v) ? null : v;
    }

    /// <summary>A grid whose every cell is <paramref name="cellValue"/>(centre of the cell).</summary>
    public static RasterGrid FromCentres(GridSpec spec, float noData, Func<LonLat, float> cellValue)
    {
        ArgumentNullException.ThrowIfNull(cellValue);
        var values = new float[spec.CellCount];
        for (var row = 0; row < spec.Height; row++)
        {
            for (var col = 0; col < spec.Width; col++) values[row * spec.Width + col] = cellValue(spec.CellCentre(col, row));
        }
        return new RasterGrid(spec, noData, values);
    }

    /// <summary>Minimum, maximum, mean and population standard deviation of the cells that have a value.</summary>
    public RasterStatistics Statistics() => RasterStatistics.Of(_values, NoData);
}
