namespace Dala.Quality.Intake;

/// <summary>
/// The common number form of measurement files ("-12.345": a sign, digits, a point, digits) read without the general
/// parser: with at most 15 significant digits they are an exact integer m and 10^k (k &lt;= 22) is exact, so m / 10^k, one
/// correctly rounded IEEE division, is the double nearest the decimal (Clinger's fast path), the very value
/// <c>double.Parse</c> gives. Any other form (exponent, more digits, spaces) is left to the general parser.
/// </summary>
public static class PlainDecimal
{
    private static readonly double[] Powers = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    public static bool TryParse(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+')) { negative = s[0] == '-'; i = 1; }
        long m = 0;
        int digits = 0, fraction = -1;
        var seen = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '.')
            {
                if (fraction >= 0) return false;
                fraction = 0;
                continue;
            }
            var d = c - '0';
            if ((uint)d > 9) return false;
            if ((m > 0 || d > 0) && ++digits > 15) return false; // leading zeros are not significant
            seen = true;
            m = m * 10 + d;
            if (fraction >= 0 && ++fraction > 22) return false;
        }
        if (!seen) return false;
        var v = fraction > 0 ? m / Powers[fraction] : m;
        value = negative ? -v : v;
        return true;
    }
}
