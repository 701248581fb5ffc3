namespace Dala.Events.Disruption;

/// <summary>
/// Pettitt's change-point test (Pettitt 1979, Applied Statistics 28(2):126-135), distribution-free: U_t = sum over i &lt;= t,
/// j &gt; t of sgn(x_i - x_j), computed from ranks as U_t = 2 R_t - t (n + 1) with R_t the sum of the first t ranks (mid-ranks
/// for ties); K = max |U_t| at t*; p ~= 2 exp(-6 K^2 / (n^3 + n^2)) (capped at 1). U_t* &gt; 0 means the values before t*
/// are larger: a drop.
/// </summary>
public static class Pettitt
{
    /// <summary>The test on values in time order; null when there are fewer than 2.</summary>
    public static PettittResult? Test(IReadOnlyList<double> x)
    {
        var n = x.Count;
        if (n < 2) return null;
        var ranks = MidRanks(x);
        var (best, at, r) = (0.0, 0, 0.0);
        var signed = 0.0;
        for (var t = 1; t < n; t++)
        {
            r += ranks[t - 1];
            var u = 2 * r - (double)t * (n + 1);
            if (Math.Abs(u) > best) (best, at, signed) = (Math.Abs(u), t, u);
        }
        var p = Math.Min(1, 2 * Math.Exp(-6 * best * best / ((double)n * n * n + (double)n * n)));
        return new PettittResult(best, at, signed > 0, p);
    }

    internal static double[] MidRanks(IReadOnlyList<double> x)
    {
        var order = Enumerable.Range(0, x.Count).OrderBy(i => x[i]).ThenBy(i => i).ToArray();
        var ranks = new double[x.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && x[order[j + 1]] == x[order[i]]) j++;
            var mid = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++) ranks[order[k]] = mid;
            i = j + 1;
        }
        return ranks;
    }
}

/// <param name="K">max |U_t|.</param>
/// <param name="Split">How many values come before the change (t*): the change is between value Split-1 and value Split.</param>
/// <param name="Drop">The values after the change are smaller.</param>
/// <param name="P">Pettitt's approximate two-sided p-value.</param>
public sealed record PettittResult(double K, int Split, bool Drop, double P);
