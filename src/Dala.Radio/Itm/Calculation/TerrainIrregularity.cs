using System.Runtime.CompilerServices;

namespace Dala.Radio.Itm.Calculation;

/// <summary>Delta h from a profile: the interdecile range of heights about a straight-line fit, scaled to an infinite path.</summary>
internal static class TerrainIrregularity
{
    private const int MaxSamples = 245;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the profile, run per path: skip tier-0
    public static double DeltaH(ReadOnlySpan<double> z, double stepM, double startM, double endM)
    {
        var np = z.Length - 1;
        var xStart = startM / stepM;
        var xEnd = endM / stepM;
        if (xEnd - xStart < 2.0) return 0; // fewer than 2 terrain points

        // Resample the stretch at n points: n = 10 p10 - 5, with p10 between 4 and 25 samples per decile.
        var p10 = Math.Clamp((int)(0.1 * (xEnd - xStart + 8.0)), 4, 25);
        var n = 10 * p10 - 5;
        var p90 = n - p10;
        Span<double> s = stackalloc double[MaxSamples];
        s = s[..n];
        double intervals = n - 1;
        var stride = (xEnd - xStart) / intervals;
        var i = (int)xStart;
        var x = xStart - (i + 1.0);
        for (var j = 0; j < n; j++)
        {
            while (x > 0.0 && i + 1 < np)
            {
                x--;
                i++;
            }
            s[j] = z[i + 1] + (z[i + 1] - z[i]) * x;
            x += stride;
        }

        var (fit, fitEnd) = LeastSquaresFit.Fit(s, 1.0, 0.0, intervals);
        var slope = (fitEnd - fit) / intervals;
        for (var j = 0; j < n; j++)
        {
            s[j] -= fit;
            fit += slope;
        }

        // The p10-th largest and the (p90+1)-th largest deviation: the 10 % and 90 % quantiles.
        var upper = n - p10;
        var q10 = Numeric.Select(s, upper);
        var q90 = Numeric.Select(s[..upper], n - 1 - p90);
        return (q10 - q90) / (1.0 - 0.8 * Math.Exp(-(endM - startM) / 50e3)); // [ERL 79-ITS 67, Eqn 3], inverted
    }
}
