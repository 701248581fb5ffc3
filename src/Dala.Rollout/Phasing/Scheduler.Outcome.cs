using System.Globalization;
using Dala.Rollout.Plans;

namespace Dala.Rollout.Phasing;

internal sealed partial class Scheduler
{
    public static string Describe((Resource Resource, string? Region) b) => b.Resource switch
    {
        Resource.Budget => "national capex budget",
        Resource.RegionBudget => $"capex budget of {b.Region}",
        Resource.FibreKm => $"fibre build capacity (km) in {b.Region}",
        Resource.Sites => $"site build capacity in {b.Region}",
        _ => "mast permit lead time",
    };

    public IReadOnlyList<TargetOutcome> Outcomes(Baseline baseline) =>
    [
        .. _outcomes.Select(o =>
        {
            var reached = baseline.Total == 0 ? 0 : (double)Count(baseline, o.Target.Metric, o.Year) / baseline.Total;
            var met = o.Missing == 0;
            var binding = met ? null
                : o.Failed.Count == 0 ? "no option reaches the metric for the settlements it lacks"
                : o.Failed.Where(i => _binding[i] is not null).GroupBy(i => _binding[i]!.Value).OrderByDescending(g => g.Count())
                    .Select(g => Describe(g.Key)).FirstOrDefault() ?? "national capex budget";
            return new TargetOutcome(o.Target.Id, o.Target.Label, o.Target.Metric, o.Target.Share, o.Target.By, reached, met, binding);
        }),
    ];

    /// <summary>
    /// For each missed target, what more of each resource its date year would need: the works of the cheapest
    /// settlements it still lacks (shared works counted once), against what is left of that year.
    /// </summary>
    public IReadOnlyList<Shortfall> Shortfalls()
    {
        var result = new List<Shortfall>();
        foreach (var (target, year, failed, missing) in _outcomes.Where(o => o.Missing > 0))
        {
            var lacking = failed.Take(missing).ToList();
            var permit = lacking.Count(i => _binding[i]?.Resource == Resource.Permit);
            var need = new Need();
            var facilities = new HashSet<int>();
            var edges = new HashSet<int>();
            foreach (var i in lacking.Where(i => _binding[i]?.Resource != Resource.Permit))
            {
                var c = _w.Inst.Customers[i];
                var o = _w.Option(i)!.Value;
                need.Add(c.Region, o.Capex);
                if (o.Facility >= 0 && !(_facYear[o.Facility] <= year) && facilities.Add(o.Facility))
                    need.Add(_w.Inst.Facilities[o.Facility].Region, _w.Inst.Facilities[o.Facility].Capex, sites: 1);
                foreach (var e in _w.Paths[i])
                    if (!(_edgeYear[e] <= year) && edges.Add(e)) need.Add(_w.EdgeRegion[e], _w.Inst.EdgeCapex[e], _w.Inst.Network.EdgeKm[e]);
            }
            string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
            var budgetLeft = _ledger.Budget(year) - _ledger.CapexUsed(year);
            if (need.Capex > budgetLeft + 1)
                result.Add(new Shortfall("budget", null, year, need.Capex - budgetLeft, Math.Max(0, budgetLeft), "tenge",
                    F($"{target.Id}: {missing:N0} more settlements by {target.By:yyyy-MM-dd} need about {need.Capex / 1e9:N1} bn tenge of capex in {year}; {Math.Max(0, budgetLeft) / 1e9:N1} bn is left")));
            foreach (var (region, capex) in need.CapexByRegion.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                var left = _ledger.RegionBudget(region, year) - _ledger.RegionCapexUsed(region, year);
                if (double.IsFinite(left) && capex > left + 1)
                    result.Add(new Shortfall("region-budget", region, year, capex - left, Math.Max(0, left), "tenge",
                        F($"{target.Id}: {region} would spend {capex / 1e9:N2} bn tenge of capex in {year}; its budget has {Math.Max(0, left) / 1e9:N2} bn left")));
            }
            foreach (var (region, km) in need.Km.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                var left = _ledger.KmCapacity(year) - _ledger.KmUsed(region, year);
                if (km > left + 1e-6)
                    result.Add(new Shortfall("fibre-km", region, year, km - left, Math.Max(0, left), "km",
                        F($"{target.Id}: {region} would lay {km:N0} km of fibre in {year}; it can lay {Math.Max(0, left):N0} km more")));
            }
            foreach (var (region, n) in need.Sites.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                var left = _ledger.SitesCapacity(year) - _ledger.SitesUsed(region, year);
                if (n > left)
                    result.Add(new Shortfall("sites", region, year, n - left, Math.Max(0, left), "sites",
                        F($"{target.Id}: {region} would build {n:N0} sites in {year}; it can build {Math.Max(0, left):N0} more")));
            }
            if (permit > 0)
                result.Add(new Shortfall("permit", null, year, permit, 0, "settlements",
                    F($"{target.Id}: {permit:N0} settlements need a new mast, which cannot carry traffic before {PermitWhen(lacking)}: no budget fixes that")));
        }
        return result;
    }

    /// <summary>When the masts of these settlements can carry traffic: the flat lead, or the regions' permit records where given.</summary>
    private string PermitWhen(IEnumerable<int> lacking)
    {
        var regions = lacking.Where(i => _binding[i]?.Resource == Resource.Permit).Select(i => _w.Option(i)!.Value.Facility)
            .Where(f => f >= 0).Select(f => _w.Inst.Facilities[f].Region).Distinct().Order(StringComparer.Ordinal).ToArray();
        var recorded = regions.Where(_settings.EarliestOnAirByRegion.ContainsKey).ToArray();
        var flat = FormattableString.Invariant($"{_permitYear} ({_settings.PermitLeadMonths} months to permit)");
        if (recorded.Length == 0) return flat;
        var fromRecords = string.Join(", ", recorded.Select(r => FormattableString.Invariant($"{PermitYear(r)} in {r}"))) + " (from the regions' permit records)";
        return recorded.Length == regions.Length ? fromRecords : $"{fromRecords}, else {flat}";
    }
}
