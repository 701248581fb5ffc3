namespace Dala.Geo.Raster;

/// <summary>The TIFF 6.0 baseline, GeoTIFF 1.x and GDAL private tags this module writes and reads.</summary>
public static class TiffTag
{
    public const ushort ImageWidth = 256;
    public const ushort ImageLength = 257;
    public const ushort BitsPerSample = 258;
    public const ushort Compression = 259;
    public const ushort PhotometricInterpretation = 262;
    public const ushort StripOffsets = 273;
    public const ushort SamplesPerPixel = 277;
    public const ushort RowsPerStrip = 278;
    public const ushort StripByteCounts = 279;
    public const ushort XResolution = 282;
    public const ushort YResolution = 283;
    public const ushort PlanarConfiguration = 284;
    public const ushort ResolutionUnit = 296;
    public const ushort SampleFormat = 339;
    public const ushort ModelPixelScale = 33550;
    public const ushort ModelTiepoint = 33922;
    public const ushort GeoKeyDirectory = 34735;
    public const ushort GdalMetadata = 42112;
    public const ushort GdalNoData = 42113;
}

/// <summary>The TIFF field types used here, with their TIFF 6.0 codes.</summary>
public enum TiffFieldType : ushort
{
    Byte = 1,
    Ascii = 2,
    Short = 3,
    Long = 4,
    Rational = 5,
    Double = 12,
}

/// <summary>GeoKey ids and values (GeoTIFF 1.0 §6.3) written for an EPSG:4326 raster.</summary>
public static class GeoKey
{
    public const ushort GTModelType = 1024;
    public const ushort GTRasterType = 1025;
    public const ushort GeographicType = 2048;

    public const ushort ModelTypeGeographic = 2;
    public const ushort RasterPixelIsArea = 1;
    public const ushort EpsgWgs84 = 4326;
}
