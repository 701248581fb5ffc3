namespace Dala.Geo.Raster;

/// <summary>What a GDAL_METADATA tag says: dataset items (name → text), and band 1's description and unit.</summary>
public sealed record GeoTiffMetadata(IReadOnlyDictionary<string, string> Items, string? Description, string? Unit)
{
    public static readonly GeoTiffMetadata None = new(new Dictionary<string, string>(), null, null);
}
