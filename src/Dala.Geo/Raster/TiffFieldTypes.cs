namespace Dala.Geo.Raster;

internal static class TiffFieldTypes
{
    /// <summary>Bytes per value of a field type; 0 for a type this module does not know.</summary>
    public static int Size(TiffFieldType type) => type switch
    {
        TiffFieldType.Byte or TiffFieldType.Ascii => 1,
        TiffFieldType.Short => 2,
        TiffFieldType.Long => 4,
        TiffFieldType.Rational or TiffFieldType.Double => 8,
        _ => 0,
    };
}
