namespace Dala.Radio.Models;

/// <summary>
/// The terms shared by Okumura-Hata and COST-231 Hata (Hata, "Empirical formula for propagation loss in land mobile
/// radio services", IEEE Trans. Veh. Technol. VT-29(3), 1980, pp. 317-325): heights in m, f in MHz, d in km.
/// </summary>
internal static class HataTerms
{
    /// <summary>The distance term (44.9 - 6.55 log h_b) log d, and the base-height term -13.82 log h_b.</summary>
    public static double HeightAndDistance(double baseHeightM, double distanceKm) =>
        -13.82 * Math.Log10(baseHeightM) + (44.9 - 6.55 * Math.Log10(baseHeightM)) * Math.Log10(distanceKm);

    /// <summary>Mobile-antenna correction a(h_m) for a small or medium-sized city (also COST-231's).</summary>
    public static double SmallMediumCityMobileCorrection(double frequencyMHz, double mobileHeightM) =>
        (1.1 * Math.Log10(frequencyMHz) - 0.7) * mobileHeightM - (1.56 * Math.Log10(frequencyMHz) - 0.8);

    /// <summary>Mobile-antenna correction a(h_m) for a large city at f &lt;= 200 MHz.</summary>
    public static double LargeCityLowBandCorrection(double mobileHeightM) => 8.29 * Square(Math.Log10(1.54 * mobileHeightM)) - 1.1;

    /// <summary>Mobile-antenna correction a(h_m) for a large city at f &gt;= 400 MHz.</summary>
    public static double LargeCityHighBandCorrection(double mobileHeightM) => 3.2 * Square(Math.Log10(11.75 * mobileHeightM)) - 4.97;

    public static double Square(double x) => x * x;
}
