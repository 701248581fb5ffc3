namespace Dala.Permits.Analytics;

/// <summary>One subject of a survival analysis: its group, the days it was watched, and whether the event (on air) ended them.</summary>
public sealed record SurvivalObservation(string Group, int Days, bool Event);

/// <summary>One step of a Kaplan-Meier curve: on this day, so many were at risk and so many had the event; S(day) after it.</summary>
public sealed record SurvivalRow(string Group, int Day, int AtRisk, int Events, double Survival);

/// <summary>A group's Kaplan-Meier curve: the steps (days with at least one event) and its counts.</summary>
public sealed record SurvivalCurve(string Group, int N, int Events, int Censored, IReadOnlyList<SurvivalRow> Rows)
{
    /// <summary>S(day): the share still without the event after the day (1 before the first event).</summary>
    public double At(int day)
    {
        var s = 1.0;
        foreach (var r in Rows)
        {
            if (r.Day > day) break;
            s = r.Survival;
        }
        return s;
    }

    /// <summary>The median: the first day S falls to 0.5 or below; null when the curve never does (too few events yet).</summary>
    public int? Median => Rows.FirstOrDefault(r => r.Survival <= 0.5)?.Day;

    /// <summary>
    /// The conditional median for a subject that has already waited <paramref name="waited"/> days without the event:
    /// the first event day u after it with S(u) &lt;= S(waited) / 2; null when the curve never falls that far (or S is 0).
    /// </summary>
    public int? ConditionalMedian(int waited)
    {
        var s = At(waited);
        if (s <= 0) return null;
        return Rows.FirstOrDefault(r => r.Day > waited && r.Survival <= s / 2)?.Day;
    }
}

/// <summary>
/// The Kaplan-Meier product-limit estimate, per group: on each day t with d events among the n subjects still at risk
/// (watched for t days or more: a subject censored on day t is at risk on day t), S(t) = S(t-) x (1 - d / n). A group
/// with no events has a curve without rows (S stays 1).
/// </summary>
public static class KaplanMeier
{
    public static IReadOnlyList<SurvivalCurve> Estimate(IEnumerable<SurvivalObservation> observations) =>
        observations.GroupBy(o => o.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Curve(g.Key, g.ToList())).ToArray();

    private static SurvivalCurve Curve(string group, List<SurvivalObservation> obs)
    {
        if (obs.Any(o => o.Days < 0)) throw new ArgumentException($"group {group}: a negative time", nameof(obs));
        obs.Sort((a, b) => a.Days.CompareTo(b.Days));
        var rows = new List<SurvivalRow>();
        var atRisk = obs.Count;
        var s = 1.0;
        for (var i = 0; i < obs.Count;)
        {
            var day = obs[i].Days;
            int events = 0, leaving = 0;
            for (; i < obs.Count && obs[i].Days == day; i++, leaving++)
                if (obs[i].Event) events++;
            if (events > 0)
            {
                s *= 1 - (double)events / atRisk;
                rows.Add(new SurvivalRow(group, day, atRisk, events, s));
            }
            atRisk -= leaving;
        }
        var total = obs.Count(o => o.Event);
        return new SurvivalCurve(group, obs.Count, total, obs.Count - total, rows);
    }
}
