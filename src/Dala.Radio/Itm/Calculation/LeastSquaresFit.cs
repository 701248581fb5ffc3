using System.Runtime.CompilerServices;

namespace Dala.Radio.Itm.Calculation;

/// <summary>The straight line that best fits a stretch of equally spaced elevations.</summary>
internal static class LeastSquaresFit
{
    /// <summary>
    /// Fits the samples between <paramref name="startM"/> and <paramref name="endM"/> (clamped to the profile) and
    /// returns the fitted line's height at the profile's first and last point.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the profile, run per path: skip tier-0
    public static (double AtStart, double AtEnd) Fit(ReadOnlySpan<double> z, double stepM, double startM, double endM)
    {
        var np = z.Length - 1;
        var iStart = (int)Numeric.Dim(startM / stepM, 0.0);
        var iEnd = np - (int)Numeric.Dim(np, endM / stepM);
        if (iEnd <= iStart)
        {
            iStart = (int)Numeric.Dim(iStart, 1.0);
            iEnd = np - (int)Numeric.Dim(np, iEnd + 1.0);
        }

        double length = iEnd - iStart;
        var centred = -0.5 * length;
        var centreOfEnd = iEnd + centred;
        var sum = 0.5 * (z[iStart] + z[iEnd]);
        var moment = 0.5 * (z[iStart] - z[iEnd]) * centred;
        for (var k = 2; k <= length; k++)
        {
            iStart++;
            centred++;
            sum += z[iStart];
            moment += z[iStart] * centred;
        }
        sum /= length;
        moment = moment * 12.0 / ((length * length + 2.0) * length);
        return (sum - moment * centreOfEnd, sum + moment * (np - centreOfEnd));
    }
}
