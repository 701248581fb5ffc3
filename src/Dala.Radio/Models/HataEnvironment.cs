namespace Dala.Radio.Models;

/// <summary>The land-use classes of Hata (1980) for the Okumura-Hata model.</summary>
public enum HataEnvironment
{
    /// <summary>Urban, small or medium-sized city: a(h_m) = (1.1 log f - 0.7) h_m - (1.56 log f - 0.8).</summary>
    SmallMediumCity = 0,

    /// <summary>Urban, large city: a(h_m) = 8.29 (log 1.54 h_m)^2 - 1.1 for f &lt;= 200 MHz, 3.2 (log 11.75 h_m)^2 - 4.97 for f &gt;= 400 MHz.</summary>
    LargeCity = 1,

    /// <summary>Suburban: the small/medium-city urban loss - 2 [log(f/28)]^2 - 5.4.</summary>
    Suburban = 2,

    /// <summary>Open (rural): the small/medium-city urban loss - 4.78 (log f)^2 + 18.33 log f - 40.94.</summary>
    Open = 3,
}
