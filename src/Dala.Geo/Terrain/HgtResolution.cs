namespace Dala.Geo.Terrain;

/// <summary>SRTM sample spacing; the value is the spacing in arc-seconds.</summary>
public enum HgtResolution
{
    /// <summary>1 arc-second (SRTM1, ~30 m): 3601 x 3601 samples, 25,934,402 bytes.</summary>
    OneArcSecond = 1,

    /// <summary>3 arc-second (SRTM3, ~90 m): 1201 x 1201 samples, 2,884,802 bytes.</summary>
    ThreeArcSecond = 3,
}
