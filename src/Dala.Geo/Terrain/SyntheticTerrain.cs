namespace Dala.Geo.Terrain;

/// <summary>
/// SYNTHETIC terrain from a function, for tests and demos; not real elevation data. The function returns the
/// height in metres, or null where it is unknown; coverage is where it returns a height unless told otherwise.
/// </summary>
public sealed class SyntheticTerrain(Func<LonLat, double?> heightM, Func<LonLat, bool>? covers = null) : ITerrain, ITerrainCoverage
{
    private readonly Func<LonLat, double?> _height = heightM ?? throw new ArgumentNullException(nameof(heightM));

    /// <summary>SYNTHETIC flat ground at one height everywhere.</summary>
    public static SyntheticTerrain Flat(double heightM) => new(_ => heightM);

    public double? HeightAt(LonLat p) => _height(p);

    public bool Covers(LonLat p) => covers?.Invoke(p) ?? _height(p) is not null;
}
