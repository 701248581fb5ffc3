using Dala.Registry.Progress;
using Dala.Rollout.Options;
using Dala.Rollout.Plans;
using Dala.Rollout.Planning;

namespace Dala.Rollout.Phasing;

/// <summary>Rural settlements in scope that meet each metric before the plan (not counting the plan's customers).</summary>
internal sealed record Baseline(int Total, int Broadband, int Mbps100, int Fibre, long Population, long BroadbandPopulation, long Mbps100Population);

internal sealed partial class Scheduler
{
    private readonly List<(Target Target, int Year, List<int> Failed, int Missing)> _outcomes = [];

    /// <summary>The year whose works count for a target: the target's year when it falls on 31 December, else the year before.</summary>
    public static int CountingYear(Target t) => t.By.Month == 12 && t.By.Day == 31 ? t.By.Year : t.By.Year - 1;

    /// <summary>The last year the plan covers: the last target's year, or a later one where a service (or an interim one) starts.</summary>
    public int LastYear(IReadOnlyList<Target> targets) =>
        _year.Concat(_interim).OfType<int>().Concat(targets.Select(CountingYear)).Append(FirstYear).Max();

    /// <summary>Whether every target was met by its date.</summary>
    public bool AllMet => _outcomes.All(o => o.Missing == 0);

    public bool Satisfies(int i, string metric) => _w.Option(i) is { } o && metric switch
    {
        "fibre" => o.Kind == OptionKind.Fibre,
        "mbps100" => o.Meets100,
        _ => true,
    };

    /// <summary>Whether customer i meets a metric at the end of a year under the schedule so far.</summary>
    public bool Counted(int i, string metric, int year) =>
        (_year[i] <= year && Satisfies(i, metric)) || (metric == "broadband" && (_interim[i] <= year || _w.Inst.Customers[i].BroadbandToday));

    public int Count(Baseline b, string metric, int year)
    {
        var n = metric switch { "broadband" => b.Broadband, "mbps100" => b.Mbps100, _ => b.Fibre };
        for (var i = 0; i < _w.Inst.Count; i++)
            if (Counted(i, metric, year)) n++;
        return n;
    }

    public void Run(Baseline baseline, IReadOnlyList<Target> targets, CancellationToken cancel)
    {
        for (var i = 0; i < _w.Inst.Count; i++)
            if (_w.Option(i) is { Capex: 0, Facility: < 0, Kind: OptionKind.Existing }) Place(i, FirstYear);
        foreach (var t in targets.OrderBy(t => t.By))
        {
            cancel.ThrowIfCancellationRequested();
            var year = CountingYear(t);
            var wanted = (int)Math.Ceiling(t.Share * baseline.Total - 1e-9);
            var missing = wanted - Count(baseline, t.Metric, year);
            var failed = new List<int>();
            if (missing > 0 && year >= FirstYear) missing = Fill(t, year, missing, failed);
            _outcomes.Add((t, year, failed, Math.Max(0, missing)));
        }
        Spill(targets, cancel);
    }

    /// <summary>Adds the cheapest settlements a target lacks; returns how many are still missing.</summary>
    private int Fill(Target t, int year, int missing, List<int> failed)
    {
        var heap = new PriorityQueue<int, double>();
        for (var i = 0; i < _w.Inst.Count; i++)
        {
            if (Counted(i, t.Metric, year) || _w.Option(i) is null) continue;
            if (!Satisfies(i, t.Metric) && t.Metric != "broadband") continue;
            heap.Enqueue(i, Key(i, year, t.Metric));
        }
        while (missing > 0 && heap.TryDequeue(out var i, out var key))
        {
            var now = Key(i, year, t.Metric);
            if (heap.TryPeek(out _, out var next) && now > next * 1.000001 && now > key) { heap.Enqueue(i, now); continue; }
            if (Satisfies(i, t.Metric) && Place(i, year) is not null) { missing--; continue; }
            if (t.Metric == "broadband" && !_w.Inst.Customers[i].BroadbandToday && PlaceInterim(i, year) is not null) { missing--; continue; }
            _binding[i] ??= (Resource.Budget, null);
            failed.Add(i);
        }
        return missing;
    }

    /// <summary>Capex of placing customer i in the year (per person in the most-people mode): the order of filling.</summary>
    private double Key(int i, int year, string metric)
    {
        var capex = metric == "broadband" && Earliest0(i) > year ? LeoNeed(i).Capex : NeedAt(i, year).Capex;
        return _mode == PlanMode.MostPeople ? capex / Math.Max(1, _w.Inst.Customers[i].Demand.Population) : capex;
    }

    /// <summary>Settlements a target needed but that did not fit by its date go in their earliest year after it.</summary>
    private void Spill(IReadOnlyList<Target> targets, CancellationToken cancel)
    {
        if (targets.Count == 0) return;
        var last = targets.Max(CountingYear);
        var late = _outcomes.SelectMany(o => o.Failed).Where(i => _year[i] is null).Distinct().ToList();
        foreach (var i in late)
        {
            cancel.ThrowIfCancellationRequested();
            for (var y = Math.Max(last + 1, FirstYear); y <= last + _settings.ExtraYears; y++)
            {
                if (!PlaceIn(i, y)) continue;
                _earliest[i] = y;
                break;
            }
        }
    }
}
