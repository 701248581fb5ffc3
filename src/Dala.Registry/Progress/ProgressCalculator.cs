using Dala.Registry.Model;
using Dala.Registry.Query;
using Dala.Registry.Status;

namespace Dala.Registry.Progress;

/// <summary>
/// Progress to the national targets, derived from the connectivity history: national and per-region shares
/// of settlements and population on fibre, on broadband and at >= 100 Mbps, month by month.
/// Scope "rural" counts villages and hamlets (what the targets count); "all" counts every settlement.
/// </summary>
public static class ProgressCalculator
{
    public static readonly IReadOnlyList<string> Scopes = ["rural", "all"];

    public static ProgressReport Compute(RegistryView view, string scope, string? regionCode, IReadOnlyList<Target> targets)
    {
        var snapshot = view.Snapshot;
        var inScope = snapshot.Settlements
            .Where(s => scope == "all" || s.Kind.IsRural())
            .Where(s => regionCode is null || s.RegionCode == regionCode)
            .ToArray();
        var national = Figures(inScope, view.StatusOf);
        var regions = inScope.GroupBy(s => s.RegionCode)
            .Select(g => new RegionProgress(g.Key, view.RegionName(g.Key), Figures(g.ToArray(), view.StatusOf)))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        var timeline = Timeline(view, inScope);
        var yearAgo = timeline.LastOrDefault(p => p.Date <= view.AsOf.AddYears(-1));
        var statuses = targets.Select(t =>
        {
            var current = national.Metric(t.Metric).Share;
            double? projected = null;
            if (yearAgo is not null && t.By > view.AsOf)
            {
                var pace = current - Pick(yearAgo, t.Metric);
                projected = Math.Clamp(current + pace * (t.By.DayNumber - view.AsOf.DayNumber) / 365.25, 0, 1);
            }
            return new TargetStatus(t, current, TargetStatus.Meets(current, t), projected);
        }).ToArray();
        var synthetic = inScope.Any(s => view.StatusOf(s.Id).Synthetic);
        return new ProgressReport(view.AsOf, scope, synthetic, national, regions, timeline, statuses);
    }

    public static ProgressFigures Figures(IReadOnlyCollection<Settlement> settlements, Func<string, CurrentStatus> status)
    {
        var n = settlements.Count;
        long pop = 0;
        var known = 0;
        var unknown = 0;
        var counts = new int[3];
        var pops = new long[3];
        foreach (var s in settlements)
        {
            var st = status(s.Id);
            var p = s.Population.Count ?? 0;
            pop += p;
            if (s.Population.IsKnown) known++;
            if (st.Technology is null) unknown++;
            Add(0, st.OnFibre);
            Add(1, st.Broadband);
            Add(2, st.Meets100Mbps);
            void Add(int i, bool yes)
            {
                if (!yes) return;
                counts[i]++;
                pops[i] += p;
            }
        }
        ShareOf Share(int i) => new(counts[i], n == 0 ? 0 : (double)counts[i] / n, pops[i], known == 0 ? null : pop == 0 ? 0 : (double)pops[i] / pop);
        return new ProgressFigures(n, pop, known, unknown, Share(0), Share(1), Share(2));
    }

    /// <summary>
    /// Shares at each month end. A status only changes on a date one of its records carries, so each settlement
    /// is evaluated on its own record dates only, and its changes are swept into per-month counts.
    /// </summary>
    private static TimelinePoint[] Timeline(RegistryView view, Settlement[] inScope)
    {
        var first = DateOnly.MaxValue;
        foreach (var s in inScope)
        {
            var h = view.Snapshot.HistoryOf(s.Id);
            if (h.Count > 0 && h[0].AsOf < first) first = h[0].AsOf;
        }
        if (first == DateOnly.MaxValue) return [];
        var dates = new List<DateOnly>();
        for (var d = EndOfMonth(first); d < view.AsOf; d = EndOfMonth(d.AddDays(1))) dates.Add(d);
        dates.Add(view.AsOf);
        var delta = new int[3, dates.Count + 1];
        foreach (var s in inScope)
        {
            var history = view.Snapshot.HistoryOf(s.Id);
            var prev = new bool[3];
            foreach (var day in history.Select(r => r.AsOf).Where(d => d <= view.AsOf).Distinct())
            {
                var st = StatusDerivation.Of(history, day);
                bool[] now = [st.OnFibre, st.Broadband, st.Meets100Mbps];
                var at = dates.BinarySearch(day);
                if (at < 0) at = ~at;
                for (var m = 0; m < 3; m++)
                {
                    if (now[m] == prev[m]) continue;
                    delta[m, at] += now[m] ? 1 : -1;
                    prev[m] = now[m];
                }
            }
        }
        var points = new TimelinePoint[dates.Count];
        var count = new int[3];
        double n = inScope.Length;
        for (var i = 0; i < dates.Count; i++)
        {
            for (var m = 0; m < 3; m++) count[m] += delta[m, i];
            points[i] = new TimelinePoint(dates[i], count[0] / n, count[1] / n, count[2] / n);
        }
        return points;
    }

    private static double Pick(TimelinePoint p, string metric) => metric switch
    {
        "fibre" => p.Fibre,
        "broadband" => p.Broadband,
        _ => p.Mbps100,
    };

    private static DateOnly EndOfMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);
}
