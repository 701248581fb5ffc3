namespace Dala.Geo.Terrain;

/// <summary>
/// The .hgt files under a folder (subfolders included, extension in any case), by tile. Names and sizes are
/// checked up front, so a bad file fails when the terrain is opened rather than in the middle of a run.
/// </summary>
public sealed class HgtFolderIndex
{
    private readonly string?[] _paths = new string?[HgtTileName.KeyCount];

    public HgtFolderIndex(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: the terrain folder does not exist");
        Folder = folder;
        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive };
        var tiles = new List<HgtTileName>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.hgt", options).Order(StringComparer.Ordinal))
        {
            var name = HgtTileName.FromPath(path);
            HgtFormat.ResolutionOf(path, new FileInfo(path).Length);
            if (_paths[name.Key] is { } other)
                throw new HgtFormatException(path, $"tile {name} is also in {other}; keep one file per tile");
            _paths[name.Key] = path;
            tiles.Add(name);
        }
        Tiles = tiles;
    }

    public string Folder { get; }

    public IReadOnlyList<HgtTileName> Tiles { get; }

    /// <summary>The file for a tile, or null when the folder has none.</summary>
    public string? PathOf(HgtTileName tile) => _paths[tile.Key];

    /// <summary>Whether the folder has a file for the tile with this <see cref="HgtTileName.Key"/>.</summary>
    public bool Has(int key) => _paths[key] is not null;
}
