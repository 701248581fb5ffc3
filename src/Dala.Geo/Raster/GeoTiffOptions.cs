namespace Dala.Geo.Raster;

/// <summary>How cell values are stored in a GeoTIFF.</summary>
public enum GeoTiffSampleType
{
    /// <summary>IEEE float32 (SampleFormat 3, 32 bits): any value, NoData may be NaN.</summary>
    Float32,

    /// <summary>Unsigned 8-bit (SampleFormat 1): every value and NoData must be a whole number 0..255.</summary>
    UInt8,
}

/// <summary>
/// Options of <see cref="GeoTiffWriter"/>. <see cref="Metadata"/> items go to the dataset (GDAL_METADATA tag), for
/// instance <c>DALA_DATA = SYNTHETIC</c>; names are tokens of letters, digits and underscores.
/// </summary>
public sealed record GeoTiffOptions
{
    public static readonly GeoTiffOptions Default = new();

    public GeoTiffSampleType SampleType { get; init; } = GeoTiffSampleType.Float32;

    /// <summary>Band description (GDAL shows it as the band's description); null for none.</summary>
    public string? Description { get; init; }

    /// <summary>Band unit, e.g. "dBm" (GDAL's unit type); null for none.</summary>
    public string? Unit { get; init; }

    /// <summary>Free-text dataset metadata, written sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Rows per strip; null picks strips of about 8 KiB, as TIFF 6.0 recommends.</summary>
    public int? RowsPerStrip { get; init; }
}
