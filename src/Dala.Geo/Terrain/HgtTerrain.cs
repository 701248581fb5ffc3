namespace Dala.Geo.Terrain;

/// <summary>
/// Terrain from a folder of SRTM .hgt tiles (1" and 3" may be mixed), read lazily into a byte-bounded LRU cache.
/// Thread-safe. A point on the edge between two tiles is answered by the tile north or east of the edge (the
/// one floor(lat), floor(lon) names), or by the neighbour sharing the edge when that file is missing; both hold
/// the same edge samples.
/// </summary>
public sealed class HgtTerrain : ITerrain, ITerrainCoverage
{
    private readonly HgtFolderIndex _index;

    /// <param name="folder">Scanned once, subfolders included; bad names and sizes fail here.</param>
    /// <param name="cacheBytes">Memory for tiles (3" tile: 2.9 MB; 1" tile: 26 MB).</param>
    public HgtTerrain(string folder, long cacheBytes = HgtTileCache.DefaultBudgetBytes)
    {
        _index = new HgtFolderIndex(folder);
        Cache = new HgtTileCache(LoadTile, cacheBytes);
    }

    public string Folder => _index.Folder;

    public IReadOnlyList<HgtTileName> Tiles => _index.Tiles;

    public HgtTileCache Cache { get; }

    /// <summary>Bilinear height (voids filled as <see cref="HgtInterpolation"/> says); null where unknown or no tile.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The point is not a valid WGS84 position.</exception>
    /// <exception cref="HgtFormatException">The tile's file turned out unreadable when it was loaded.</exception>
    public double? HeightAt(LonLat p)
    {
        var key = TileKey(p);
        return key < 0 ? null : Cache.Get(key).HeightAt(p);
    }

    /// <summary>Whether a tile file exists for the point (it may still be void there).</summary>
    public bool Covers(LonLat p) => TileKey(p) >= 0;

    /// <summary>The key of the tile that answers for the point, or -1 when no file covers it.</summary>
    private int TileKey(LonLat p)
    {
        if (!p.IsValid) throw new ArgumentOutOfRangeException(nameof(p), p, p.Problem());
        int west = (int)Math.Floor(p.Lon), south = (int)Math.Floor(p.Lat);
        var key = Present(south, west);
        if (key >= 0 || (west != p.Lon && south != p.Lat)) return key;
        var onWestEdge = west == p.Lon;
        var onSouthEdge = south == p.Lat;
        if (onWestEdge && (key = Present(south, west - 1)) >= 0) return key;
        if (onSouthEdge && (key = Present(south - 1, west)) >= 0) return key;
        return onWestEdge && onSouthEdge ? Present(south - 1, west - 1) : -1;
    }

    private int Present(int south, int west)
    {
        var key = HgtTileName.KeyOf(south, west);
        return key >= 0 && _index.Has(key) ? key : -1;
    }

    private HgtTile LoadTile(HgtTileName tile) =>
        HgtReader.Read(_index.PathOf(tile) ?? throw new InvalidOperationException($"no file for tile {tile} in {Folder}"));
}
