namespace Dala.Radio.Link;

/// <summary>
/// One cut of a measured pattern: losses (dB, &gt;= 0, relative to the peak) at strictly increasing angles in [0, 360),
/// read between samples by linear interpolation, across 360/0 too.
/// </summary>
public sealed class PatternCut
{
    private readonly double[] _anglesDeg;
    private readonly double[] _lossesDb;

    public PatternCut(IReadOnlyList<double> anglesDeg, IReadOnlyList<double> lossesDb)
    {
        ArgumentNullException.ThrowIfNull(anglesDeg);
        ArgumentNullException.ThrowIfNull(lossesDb);
        if (anglesDeg.Count != lossesDb.Count) throw new ArgumentException($"{anglesDeg.Count} angles but {lossesDb.Count} losses", nameof(lossesDb));
        if (anglesDeg.Count < 2) throw new ArgumentException($"a pattern cut needs at least 2 samples; it has {anglesDeg.Count}", nameof(anglesDeg));
        for (var i = 0; i < anglesDeg.Count; i++)
        {
            var a = anglesDeg[i];
            if (!(a >= 0 && a < 360)) throw new ArgumentException($"angle {i} is {a}, outside 0..360 (360 excluded)", nameof(anglesDeg));
            if (i > 0 && !(a > anglesDeg[i - 1])) throw new ArgumentException($"angle {i} ({a}) does not increase on angle {i - 1} ({anglesDeg[i - 1]})", nameof(anglesDeg));
            var l = lossesDb[i];
            if (!(double.IsFinite(l) && l >= 0)) throw new ArgumentException($"loss {i} is {l}: it must be a finite attenuation >= 0 dB", nameof(lossesDb));
        }
        _anglesDeg = [.. anglesDeg];
        _lossesDb = [.. lossesDb];
        MaxLossDb = _lossesDb.Max();
    }

    public int Count => _anglesDeg.Length;

    public double MaxLossDb { get; }

    /// <summary>Loss at <paramref name="angleDeg"/> (any finite value, wrapped into [0, 360)), dB.</summary>
    public double LossAt(double angleDeg)
    {
        var a = Angles.Positive(angleDeg);
        var i = Array.BinarySearch(_anglesDeg, a);
        if (i >= 0) return _lossesDb[i];
        var upper = ~i; // first sample above a
        var (a0, l0, a1, l1) = upper == 0 || upper == _anglesDeg.Length
            ? WrapSegment()
            : (_anglesDeg[upper - 1], _lossesDb[upper - 1], _anglesDeg[upper], _lossesDb[upper]);
        if (a < a0) a += 360.0; // a is past 0 in the wrap segment
        return l0 + (l1 - l0) * (a - a0) / (a1 - a0);
    }

    /// <summary>The segment from the last sample to the first one + 360.</summary>
    private (double, double, double, double) WrapSegment() =>
        (_anglesDeg[^1], _lossesDb[^1], _anglesDeg[0] + 360.0, _lossesDb[0]);
}
