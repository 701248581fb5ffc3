namespace Dala.Geo.Tests.Raster;

/// <summary>
/// A test that needs GDAL's gdalinfo (Debian gdal-bin). Skipped with the reason when it is not on PATH locally;
/// with CI=true it runs, and fails if gdalinfo is missing.
/// </summary>
public sealed class GdalInfoFactAttribute : FactAttribute
{
    public GdalInfoFactAttribute()
    {
        if (GdalInfo.Executable is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "gdalinfo is not on PATH (apt-get install gdal-bin; with CI=true this test fails instead)";
    }
}
