using MathNet.Numerics.LinearAlgebra;

namespace Dala.Radio.Calibration;

/// <summary>
/// Least squares (MathNet, QR) of predicted - measured RSRP on [1, log10 d]: the offset a and slope b of
/// L' = L + a + b log10 d, with their standard errors from the residual variance. Fewer than <paramref name="minSamples"/>
/// samples, or all at nearly one distance, give no terms.
/// </summary>
public static class TermsFit
{
    public const int DefaultMinSamples = 30;

    public static GroupTerms Fit(string group, string op, string cls, IReadOnlyList<(double LogKm, double ExcessLossDb)> xy, int minSamples = DefaultMinSamples)
    {
        var n = xy.Count;
        if (n < Math.Max(3, minSamples))
            return new GroupTerms(group, op, cls, n, false, 0, 0, null, null, $"not fit: {n} samples, fewer than {minSamples}");
        var mean = xy.Average(p => p.LogKm);
        var spread = Math.Sqrt(xy.Sum(p => (p.LogKm - mean) * (p.LogKm - mean)) / n);
        if (spread < 0.05)
            return new GroupTerms(group, op, cls, n, false, 0, 0, null, null, $"not fit: distances span too little (sd of log10 d {spread:0.000})");
        var x = Matrix<double>.Build.Dense(n, 2, (i, j) => j == 0 ? 1 : xy[i].LogKm);
        var y = Vector<double>.Build.Dense(n, i => xy[i].ExcessLossDb);
        var beta = x.QR().Solve(y);
        var residual = y - x * beta;
        var s2 = residual.DotProduct(residual) / (n - 2);
        var cov = (x.TransposeThisAndMultiply(x)).Inverse() * s2;
        return new GroupTerms(group, op, cls, n, true, beta[0], beta[1], Math.Sqrt(cov[0, 0]), Math.Sqrt(cov[1, 1]), null);
    }
}
