namespace Dala.Radio.Link;

/// <summary>Angle helpers, degrees.</summary>
internal static class Angles
{
    /// <summary>The same direction in (-180, 180].</summary>
    public static double Signed(double deg)
    {
        var a = Positive(deg);
        return a > 180 ? a - 360 : a;
    }

    /// <summary>The same direction in [0, 360).</summary>
    public static double Positive(double deg)
    {
        if (!double.IsFinite(deg)) throw new ArgumentOutOfRangeException(nameof(deg), deg, "an angle must be a finite number of degrees");
        var a = deg % 360.0;
        if (a < 0) a += 360.0;
        return a >= 360.0 ? 0.0 : a;
    }

    /// <summary>A vertical angle must be a finite number of degrees.</summary>
    public static double CheckFinite(double deg, string paramName) =>
        double.IsFinite(deg) ? deg : throw new ArgumentOutOfRangeException(paramName, deg, "an angle must be a finite number of degrees");
}
