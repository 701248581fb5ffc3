namespace Dala.Geo.Terrain;

/// <summary>
/// One SRTM tile in memory: <see cref="Size"/> x <see cref="Size"/> heights in metres, row-major, row 0 along the
/// north edge, column 0 along the west edge, <see cref="HgtFormat.Void"/> where there is no data.
/// </summary>
public sealed class HgtTile : ITerrain
{
    private readonly short[] _samples;

    /// <param name="name">The tile (its south-west corner).</param>
    /// <param name="samples">1201² or 3601² heights; kept, not copied.</param>
    /// <param name="source">Where the samples came from (a file path), for messages; null for in-memory tiles.</param>
    public HgtTile(HgtTileName name, short[] samples, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Resolution = samples.Length == HgtFormat.SampleCount(HgtResolution.ThreeArcSecond) ? HgtResolution.ThreeArcSecond
            : samples.Length == HgtFormat.SampleCount(HgtResolution.OneArcSecond) ? HgtResolution.OneArcSecond
            : throw new ArgumentException($"a tile has 1201² or 3601² samples, not {samples.Length}", nameof(samples));
        Name = name;
        Size = HgtFormat.SamplesPerSide(Resolution);
        Source = source;
        _samples = samples;
    }

    public HgtTileName Name { get; }

    public HgtResolution Resolution { get; }

    /// <summary>Samples per side (1201 or 3601).</summary>
    public int Size { get; }

    public string? Source { get; }

    /// <summary>Memory the samples take, bytes.</summary>
    public long Bytes => 2L * _samples.Length;

    public ReadOnlySpan<short> Samples => _samples;

    /// <summary>The raw sample (m, or <see cref="HgtFormat.Void"/>); row 0 is the north edge, column 0 the west edge.</summary>
    public short Sample(int row, int col) => _samples[row * Size + col];

    /// <summary>Bilinear height with void filling (see <see cref="HgtInterpolation"/>); null outside the tile or when unknown.</summary>
    public double? HeightAt(LonLat p) => HgtInterpolation.HeightAt(_samples, Size, Name, p.Lon, p.Lat);
}
