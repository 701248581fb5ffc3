using System.Globalization;
using Dala.Registry.Progress;
using Dala.Registry.Query;

namespace Dala.Registry.Indicators;

/// <summary>The fibre a saved rollout plan lays: km per year (national) and km per region, as the plan store gives them.</summary>
public sealed record PlannedFibre(long PlanId, string PlanName, bool Synthetic, IReadOnlyList<(int Year, double Km)> ByYear,
    IReadOnlyDictionary<string, double> ByRegion);

/// <summary>
/// The figures Dala computes itself, shown beside the reported ones: rural settlements on fibre (count), the share of
/// rural settlements meeting each target's metric (with that target), and the fibre km of the latest saved plan. They come
/// from the registry's progress (<see cref="ProgressCalculator"/>, the same numbers as /api/progress) and are never stored.
/// </summary>
public static class DerivedIndicators
{
    public const string FibreCount = "settlements-on-fibre";
    public const string Mbps100Share = "mbps100-share";
    public const string FibreKmPlanned = "fibre-km-planned";

    public static string ShareId(string metric) => metric + "-share";

    public static IndicatorSet Compute(RegistryView view, IReadOnlyList<Target> targets, PlannedFibre? plan)
    {
        var progress = ProgressCalculator.Compute(view, "rural", null, targets);
        var source = string.Create(CultureInfo.InvariantCulture,
            $"Dala: derived from the registry's connectivity history, rural settlements (status as of {view.AsOf:yyyy-MM-dd})");
        var indicators = new List<Indicator> { new(FibreCount, "Rural settlements on fibre", "settlements") };
        var points = new List<IndicatorPoint>();
        IndicatorPoint Point(string id, string region, DateOnly date, double value) =>
            new(id, region, date, value, source, Derived: true, Synthetic: progress.Synthetic);

        var yearEnds = progress.Timeline.Where(t => t.Date.Month == 12 && t.Date.Day == 31 || t.Date == view.AsOf).ToArray();
        var n = progress.National.Settlements;
        foreach (var t in yearEnds) points.Add(Point(FibreCount, IndicatorPoint.National, t.Date, Math.Round(t.Fibre * n)));
        foreach (var r in progress.Regions) points.Add(Point(FibreCount, r.Code, view.AsOf, r.Figures.Fibre.Settlements));

        var metrics = targets.Select(t => t.Metric).Append("mbps100").Distinct(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            var target = targets.Where(t => t.Metric == metric).OrderBy(t => t.By).FirstOrDefault();
            indicators.Add(new Indicator(ShareId(metric), ShareName(metric), "%", target?.Share * 100, target?.By,
                target is null ? null : $"Dala's national target: {target.Label}"));
            foreach (var t in yearEnds) points.Add(Point(ShareId(metric), IndicatorPoint.National, t.Date, 100 * Pick(t, metric)));
            foreach (var r in progress.Regions) points.Add(Point(ShareId(metric), r.Code, view.AsOf, 100 * r.Figures.Metric(metric).Share));
        }

        if (plan is not null)
        {
            indicators.Add(new Indicator(FibreKmPlanned, "Fibre km planned (latest saved rollout plan, cumulative)", "km"));
            var planSource = $"Dala: rollout plan #{plan.PlanId} \"{plan.PlanName}\" (the latest saved)";
            var km = 0.0;
            foreach (var (year, k) in plan.ByYear.OrderBy(y => y.Year))
            {
                km += k;
                points.Add(new IndicatorPoint(FibreKmPlanned, IndicatorPoint.National, new DateOnly(year, 12, 31), Math.Round(km, 1), planSource,
                    Derived: true, Synthetic: plan.Synthetic));
            }
            var last = plan.ByYear.Count == 0 ? view.AsOf : new DateOnly(plan.ByYear.Max(y => y.Year), 12, 31);
            foreach (var (region, k) in plan.ByRegion.OrderBy(r => r.Key, StringComparer.Ordinal))
                points.Add(new IndicatorPoint(FibreKmPlanned, region, last, Math.Round(k, 1), planSource, Derived: true, Synthetic: plan.Synthetic));
        }
        return new IndicatorSet(indicators, points);
    }

    private static string ShareName(string metric) => metric switch
    {
        "fibre" => "Rural settlements on fibre, share",
        "broadband" => "Rural settlements on broadband, share",
        _ => "Rural settlements at ≥ 100 Mbps, share",
    };

    private static double Pick(TimelinePoint p, string metric) => metric switch
    {
        "fibre" => p.Fibre,
        "broadband" => p.Broadband,
        _ => p.Mbps100,
    };
}
