namespace Dala.Permits.Tests;

/// <summary>
/// Two computations of the Kaplan-Meier survival that share nothing with Dala.Permits, to check it against:
/// Efron's redistribute-to-the-right (each censored subject's mass goes equally to every subject after it, events before
/// censorings on a tie; S(t) = 1 - the mass of events up to t), and the product limit by brute force (every distinct
/// event day, counting the subjects at risk and the events on it afresh from the whole list).
/// </summary>
internal static class IndependentKaplanMeier
{
    public static double RedistributeToTheRight(IReadOnlyList<(int Days, bool Event)> obs, int day)
    {
        var sorted = obs.OrderBy(o => o.Days).ThenBy(o => o.Event ? 0 : 1).ToArray();
        var mass = Enumerable.Repeat(1.0 / sorted.Length, sorted.Length).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Event || i == sorted.Length - 1) continue;
            var share = mass[i] / (sorted.Length - i - 1);
            for (var j = i + 1; j < sorted.Length; j++) mass[j] += share;
            mass[i] = 0;
        }
        var dead = 0.0;
        for (var i = 0; i < sorted.Length; i++)
            if (sorted[i].Event && sorted[i].Days <= day) dead += mass[i];
        return 1 - dead;
    }

    public static double ProductLimit(IReadOnlyList<(int Days, bool Event)> obs, int day)
    {
        var s = 1.0;
        foreach (var t in obs.Where(o => o.Event && o.Days <= day).Select(o => o.Days).Distinct())
        {
            var atRisk = obs.Count(o => o.Days >= t);
            var events = obs.Count(o => o.Event && o.Days == t);
            s *= 1 - events / (double)atRisk;
        }
        return s;
    }
}
