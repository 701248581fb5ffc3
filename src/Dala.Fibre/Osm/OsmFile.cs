namespace Dala.Fibre.Osm;

/// <summary>Opens an OSM file by its name: .pbf is PBF; .osm, .xml and .osm.gz are OSM XML.</summary>
public static class OsmFile
{
    public static IOsmSource Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"OSM file not found: {path}", path);
        var lower = path.ToLowerInvariant();
        if (lower.EndsWith(".pbf", StringComparison.Ordinal)) return new OsmPbfReader(path);
        if (lower.EndsWith(".osm", StringComparison.Ordinal) || lower.EndsWith(".xml", StringComparison.Ordinal) || lower.EndsWith(".osm.gz", StringComparison.Ordinal))
            return new OsmXmlReader(path);
        throw new ArgumentException($"'{Path.GetFileName(path)}' is not a known OSM file type: expected .osm.pbf, .pbf, .osm, .osm.gz or .xml", nameof(path));
    }
}
