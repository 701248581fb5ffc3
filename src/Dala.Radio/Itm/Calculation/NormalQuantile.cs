namespace Dala.Radio.Itm.Calculation;

/// <summary>The inverse complementary normal distribution, Q^-1(q) [Abramowitz &amp; Stegun 26.2.23], |error| &lt; 4.5e-4.</summary>
internal static class NormalQuantile
{
    public static double InverseComplementary(double q)
    {
        const double c0 = 2.515516, c1 = 0.802853, c2 = 0.010328;
        const double d1 = 1.432788, d2 = 0.189269, d3 = 0.001308;
        var x = q > 0.5 ? 1.0 - q : q;
        var t = Math.Sqrt(-2.0 * Math.Log(x));
        var zeta = ((c2 * t + c1) * t + c0) / (((d3 * t + d2) * t + d1) * t + 1.0);
        return q > 0.5 ? -(t - zeta) : t - zeta;
    }
}
