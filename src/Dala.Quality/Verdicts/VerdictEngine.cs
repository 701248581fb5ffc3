using Dala.Quality.Model;
using Dala.Quality.Obligations;
using Dala.Quality.Store;

namespace Dala.Quality.Verdicts;

/// <summary>The period judged: whole UTC days, From to To inclusive (tests with From &lt;= time &lt; To + 1 day).</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>
/// Computes verdicts: for each obligation, streams the tests of its technology (and operator) in the period clipped to its
/// effective dates, keeps those that count (<see cref="Sampling"/>), groups them by the obligation's unit keys and judges
/// each group. Groups are those with counted tests; rows are ordered by obligation, operator, region, settlement, source.
/// </summary>
public static class VerdictEngine
{
    public static IReadOnlyList<VerdictRow> Compute(IMeasurementStore store, IEnumerable<Obligation> obligations, Period period, Sampling sampling)
    {
        var rows = new List<VerdictRow>();
        foreach (var o in obligations.OrderBy(o => o.Id, StringComparer.Ordinal))
            rows.AddRange(Compute(store, o, period, sampling));
        return rows;
    }

    public static IReadOnlyList<VerdictRow> Compute(IMeasurementStore store, Obligation o, Period period, Sampling sampling, Func<VerdictUnit, bool>? only = null)
    {
        var groups = Counted(store, o, period, sampling, only);
        return groups.OrderBy(g => g.Key.Operator, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Settlement, StringComparer.Ordinal).ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .Select(g => new VerdictRow(o, g.Key, JudgeGroup(o, g.Value.Select(m => o.ValueOf(m)!.Value).ToList())))
            .ToList();
    }

    public static Judgement JudgeGroup(Obligation o, IReadOnlyList<double> values) => o.Rule == ObligationRule.ShareAtLeast
        ? Judge.Share(values.LongCount(v => v >= o.Threshold), values.Count, o.Share!.Value, o.Confidence)
        : Judge.Quantile(values, o.Rule, o.RuleQuantile, o.Threshold, o.Confidence);

    /// <summary>The counted tests of each unit, in time order (what a verdict is computed from, and what its evidence pack lists).</summary>
    public static Dictionary<VerdictUnit, List<Measurement>> Counted(IMeasurementStore store, Obligation o, Period period, Sampling sampling, Func<VerdictUnit, bool>? only = null)
    {
        var groups = new Dictionary<VerdictUnit, List<Measurement>>();
        var start = period.Start;
        var end = period.End;
        if (o.EffectiveFrom is { } ef && new Period(ef, ef).Start > start) start = new Period(ef, ef).Start;
        if (o.EffectiveTo is { } et && new Period(et, et).End < end) end = new Period(et, et).End;
        if (start >= end) return groups;
        var seen = new HashSet<(VerdictUnit, string, DateOnly)>();
        foreach (var m in store.Tests(new TestQuery(start, end, o.Technology, Operator: o.Operator)))
        {
            if (!m.Valid || m.Synthetic || m.Kind != MeasurementKind.Test) continue;
            if (o.ValueOf(m) is not { } v || !double.IsFinite(v)) continue;
            var source = sampling.SourceLabel(m);
            if (source is null) continue;
            var unit = new VerdictUnit(
                o.By.Contains(UnitKey.Operator) ? m.OperatorId ?? "" : o.Operator ?? "",
                o.By.Contains(UnitKey.Region) ? m.RegionCode ?? "" : "",
                o.By.Contains(UnitKey.Settlement) ? m.SettlementId ?? "" : "",
                source);
            if (only is not null && !only(unit)) continue;
            if (sampling.OnePerNetworkDay && m.ClientNetwork is { } net &&
                !seen.Add((unit, net, DateOnly.FromDateTime(m.Time.UtcDateTime)))) continue;
            if (!groups.TryGetValue(unit, out var list)) groups[unit] = list = [];
            list.Add(m);
        }
        return groups;
    }
}
