namespace Dala.Quality.Aggregates;

/// <summary>
/// Exact p10/median/p90 without sorting: the values at the few ranks type 7 interpolates between are put in place by
/// selection (quickselect with median-of-three pivots, a sort as the fallback when partitions go badly), in linear
/// time. The figures are those of <see cref="Percentiles.Spread"/>: the same ranks, the same interpolation.
/// </summary>
public static class Selection
{
    private static readonly double[] Ps = [0.1, 0.5, 0.9];

    /// <summary>p10, median and p90 of the values (reordered in place), or null when there are none.</summary>
    public static Spread? Spread(Span<double> values)
    {
        var n = values.Length;
        if (n == 0) return null;
        Span<int> ranks = stackalloc int[6];
        for (var i = 0; i < 3; i++)
        {
            var lo = (int)Math.Floor((n - 1) * Ps[i]);
            ranks[2 * i] = lo;
            ranks[2 * i + 1] = Math.Min(lo + 1, n - 1);
        }
        ranks.Sort();
        Select(values, ranks, 0);
        return new Spread(At(values, Ps[0]), At(values, Ps[1]), At(values, Ps[2]), n);
    }

    /// <summary>Type 7 at p, once the two ranks it needs hold their sorted values (the formula of <see cref="Percentiles.Of"/>).</summary>
    private static double At(ReadOnlySpan<double> v, double p)
    {
        var h = (v.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, v.Length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /// <summary>Puts the sorted value at each rank (ascending, offsets from <paramref name="offset"/>) in place.</summary>
    private static void Select(Span<double> a, ReadOnlySpan<int> ranks, int offset)
    {
        while (ranks.Length > 0 && ranks[0] - offset < 0) ranks = ranks[1..];
        while (ranks.Length > 0 && ranks[^1] - offset >= a.Length) ranks = ranks[..^1];
        if (ranks.Length == 0 || a.Length == 0) return;
        var mid = ranks.Length / 2;
        var k = ranks[mid] - offset;
        NthElement(a, k);
        Select(a[..k], ranks[..mid], offset);
        Select(a[(k + 1)..], ranks[(mid + 1)..], offset + k + 1);
    }

    /// <summary>Reorders a so that a[k] is the k-th smallest, none after it smaller and none before it larger.</summary>
    public static void NthElement(Span<double> a, int k)
    {
        var budget = 2 * (64 - ulong.LeadingZeroCount((ulong)a.Length)) + 8;
        while (a.Length > 24)
        {
            if (--budget < 0)
            {
                a.Sort();
                return;
            }
            var (lt, gt) = Partition(a);
            if (k < lt) a = a[..lt];
            else if (k >= gt)
            {
                a = a[gt..];
                k -= gt;
            }
            else return;
        }
        a.Sort();
    }

    /// <summary>
    /// Three-way partition around a median-of-three pivot: [0, lt) below it, [lt, gt) equal, [gt, n) above. Equal
    /// values (speeds are rounded, so there are many) end up in the middle and are never looked at again.
    /// </summary>
    private static (int Lt, int Gt) Partition(Span<double> a)
    {
        var n = a.Length;
        double x = a[0], y = a[n / 2], z = a[n - 1];
        var pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
        int lt = 0, i = 0, gt = n;
        while (i < gt)
        {
            var v = a[i];
            if (v < pivot) { a[i] = a[lt]; a[lt] = v; lt++; i++; }
            else if (v > pivot) { gt--; a[i] = a[gt]; a[gt] = v; }
            else i++;
        }
        return (lt, gt);
    }
}
