namespace Dala.Quality.Verdicts;

/// <summary>
/// A two-sided confidence interval [Low, High]. A bound that the data cannot give (an order-statistic interval on too few
/// tests) is infinite: -∞ for Low, +∞ for High.
/// </summary>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>The whole interval is at or above the threshold.</summary>
    public bool AtOrAbove(double threshold) => Low >= threshold;

    /// <summary>The whole interval is below the threshold.</summary>
    public bool Below(double threshold) => High < threshold;

    /// <summary>The whole interval is at or below the threshold.</summary>
    public bool AtOrBelow(double threshold) => High <= threshold;

    /// <summary>The whole interval is above the threshold.</summary>
    public bool Above(double threshold) => Low > threshold;
}
