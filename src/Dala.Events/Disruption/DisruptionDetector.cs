using Dala.Events.Model;
using Dala.Quality.Store;

namespace Dala.Events.Disruption;

/// <summary>Disruption after an event, per operator (the rule in <see cref="DisruptionSettings"/>).</summary>
public static class DisruptionDetector
{
    /// <summary>Reads the windows' tests from the store (SYNTHETIC ones only for a SYNTHETIC event), keeps those in the place, judges.</summary>
    public static EventDisruption Run(IMeasurementStore store, MassEvent e, DisruptionSettings s)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tests = new List<EventTest>();
        foreach (var (from, to) in Windows(e, s))
            foreach (var m in store.Tests(new TestQuery(from, to, IncludeSynthetic: e.Synthetic)))
                if (m.Location is { } p && m.DownMbps is { } down && m.OperatorId is { } op && e.Place.Contains(p) && seen.Add(m.Id))
                    tests.Add(new EventTest(m.Id, m.Time, op, down, m.Synthetic));
        return Judge(e, tests, s);
    }

    /// <summary>The time windows read: the event, the same hours of each baseline week, the hours before the event.</summary>
    public static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Windows(MassEvent e, DisruptionSettings s)
    {
        yield return (e.Start, e.End);
        for (var k = 1; k <= s.BaselineWeeks; k++) yield return (e.Start.AddDays(-7 * k), e.End.AddDays(-7 * k));
        yield return (e.Start - e.Duration, e.Start);
    }

    /// <summary>Which window a time falls in (the event's first), or null.</summary>
    public static TestWindow? WindowOf(MassEvent e, DisruptionSettings s, DateTimeOffset t)
    {
        if (t >= e.Start && t < e.End) return TestWindow.Event;
        for (var k = 1; k <= s.BaselineWeeks; k++)
            if (t >= e.Start.AddDays(-7 * k) && t < e.End.AddDays(-7 * k)) return TestWindow.Baseline;
        return t >= e.Start - e.Duration && t < e.Start ? TestWindow.Before : null;
    }

    /// <summary>Judges tests already read (any order; those outside every window are ignored).</summary>
    public static EventDisruption Judge(MassEvent e, IEnumerable<EventTest> tests, DisruptionSettings s)
    {
        var byOp = tests.GroupBy(t => t.OperatorId).OrderBy(g => g.Key, StringComparer.Ordinal);
        var rows = new List<OperatorDisruption>();
        var synthetic = e.Synthetic;
        foreach (var g in byOp)
        {
            var during = new List<double>();
            var baseline = new List<double>();
            var stream = new List<EventTest>();
            foreach (var t in g.OrderBy(t => t.Time).ThenBy(t => t.Id, StringComparer.Ordinal))
            {
                var w = WindowOf(e, s, t.Time);
                if (w == TestWindow.Event) during.Add(t.DownMbps);
                if (w == TestWindow.Baseline) baseline.Add(t.DownMbps);
                if (w is TestWindow.Event or TestWindow.Before) stream.Add(t);
                synthetic |= w is not null && t.Synthetic;
            }
            rows.Add(Operator(g.Key, during, baseline, stream, s));
        }
        return new EventDisruption(e.Id, e.Start, e.End, s, rows, synthetic);
    }

    private static OperatorDisruption Operator(string op, List<double> during, List<double> baseline, List<EventTest> stream, DisruptionSettings s)
    {
        double? medE = during.Count > 0 ? MedianDrop.Median(during) : null;
        double? medB = baseline.Count > 0 ? MedianDrop.Median(baseline) : null;
        if (during.Count < s.MinTests || baseline.Count < s.MinTests)
            return new OperatorDisruption(op, during.Count, baseline.Count, medE, medB, null, stream.Count, null, null, null, false, "too few tests", stream);
        var drop = MedianDrop.Estimate(baseline, during, s.Alpha, s.Resamples, s.Seed);
        var change = Pettitt.Test(stream.Select(t => t.DownMbps).ToArray());
        var changeAt = change is { Split: > 0 } c && c.Split < stream.Count ? stream[c.Split].Time : (DateTimeOffset?)null;
        var flagged = drop.Low > 0 && change is { Drop: true } ch && ch.P < s.Alpha;
        return new OperatorDisruption(op, during.Count, baseline.Count, medE, medB, drop, stream.Count, change?.P, changeAt, change?.Drop, flagged,
            flagged ? "disrupted" : "no evidence", stream);
    }
}
