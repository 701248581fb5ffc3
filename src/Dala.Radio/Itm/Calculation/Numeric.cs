using System.Runtime.CompilerServices;

namespace Dala.Radio.Itm.Calculation;

internal static class Numeric
{
    /// <summary>Positive difference: x - y when x > y, else 0 (C's fdim).</summary>
    public static double Dim(double x, double y) => x > y ? x - y : 0.0;

    /// <summary>x squared by one multiply: correctly rounded, as GCC compiles the reference's pow(x, 2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Square(double x) => x * x;

    /// <summary>The k-th smallest value (0-based), by quickselect; reorders <paramref name="s"/> so that s[..k] &lt;= s[k].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Select(Span<double> s, int k)
    {
        int lo = 0, hi = s.Length - 1;
        while (lo < hi)
        {
            var pivot = s[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (s[i] < pivot) i++;
                while (s[j] > pivot) j--;
                if (i <= j)
                {
                    (s[i], s[j]) = (s[j], s[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return s[k];
        }
        return s[k];
    }
}
