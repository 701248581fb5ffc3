namespace Dala.Radio.Link;

/// <summary>Power ratios and levels between dB and linear.</summary>
internal static class Decibel
{
    public static double ToLinear(double db) => Math.Pow(10.0, db / 10.0);

    public static double FromLinear(double linear) => 10.0 * Math.Log10(linear);
}
