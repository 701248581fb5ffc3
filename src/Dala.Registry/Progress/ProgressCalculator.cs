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
            return new TargetStatus(t, current, current >= t.Share - 1e-12, projected);
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
        ShareOf Share(int i) => new(counts[i], n == 0 ? 0 : (double)counts[i] / n, pops[i], pop == 0 ? 0 : (double)pops[i] / pop);
        return new ProgressFigures(n, pop, known, unknown, Share(0), Share(1), Share(2));
    }

    private static TimelinePoint[] Timeline(RegistryView view, Settlement[] inScope)
    {
        var records = inScope.SelectMany(s => view.Snapshot.HistoryOf(s.Id)).ToArray();
        if (records.Length == 0 || inScope.Length == 0) return [];
        var first = records.Min(r => r.AsOf);
        var dates = new List<DateOnly>();
        for (var d = EndOfMonth(first); d < view.AsOf; d = EndOfMonth(d.AddDays(1))) dates.Add(d);
        dates.Add(view.AsOf);
        return dates.Select(d =>
        {
            int fibre = 0, broadband = 0, fast = 0;
            foreach (var s in inScope)
            {
                var st = StatusDerivation.Of(view.Snapshot.HistoryOf(s.Id), d);
                if (st.OnFibre) fibre++;
                if (st.Broadband) broadband++;
                if (st.Meets100Mbps) fast++;
            }
            double n = inScope.Length;
            return new TimelinePoint(d, fibre / n, broadband / n, fast / n);
        }).ToArray();
    }

    private static double Pick(TimelinePoint p, string metric) => metric switch
    {
        "fibre" => p.Fibre,
        "broadband" => p.Broadband,
        _ => p.Mbps100,
    };

    private static DateOnly EndOfMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);
}
