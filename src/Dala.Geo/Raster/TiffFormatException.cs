namespace Dala.Geo.Raster;

/// <summary>A TIFF that is malformed, or uses features this module's minimal reader does not read.</summary>
public sealed class TiffFormatException(string message) : Exception(message);
