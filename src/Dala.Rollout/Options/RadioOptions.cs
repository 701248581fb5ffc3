using System.Collections.Immutable;
using Dala.Geo;
using Dala.Radio.Coverage;
using Dala.Registry.Model;
using Dala.Rollout.Costs;

namespace Dala.Rollout.Options;

/// <summary>
/// The mobile and fixed-wireless options, from the radio engine: a settlement is served by a site only when the
/// site's cell capacity at the settlement, shared by its active subscribers at the busy hour, reaches the target.
/// </summary>
internal sealed partial class RadioOptions(
    CostBook costs,
    BuildSettings settings,
    ImmutableArray<Customer> customers,
    List<ServeOption>[] options,
    List<Facility> facilities,
    IReadOnlyList<Site> sites,
    ImmutableArray<Settlement> backbone)
{
    private readonly PointGrid _customers = new([.. customers.Select(c => c.Settlement.Location)]);
    private readonly PointGrid _backbone = new([.. backbone.Select(s => s.Location)]);

    public int ExistingServed { get; private set; }

    public int UpgradeSites { get; private set; }

    public int CandidateSites { get; private set; }

    public int FibreFedTowers { get; private set; }

    private double Target => costs["target_mbps"];

    private static CoverageTarget TargetOf(Customer c) => new(c.Id, c.Settlement.Location, c.Demand.Population, Clutter.Rural);

    /// <summary>Existing sites that already give a settlement the target: served at no new cost.</summary>
    public void AddExisting(CancellationToken cancel)
    {
        var live = sites.Where(s => s.Sectors.Count > 0).ToList();
        if (live.Count == 0) return;
        var engine = new CoverageEngine(live, null, settings.Radio, new PatternLibrary());
        var predictions = engine.PredictAll([.. customers.Select(TargetOf)], cancel: cancel);
        var byId = live.ToDictionary(s => s.Id);
        foreach (var c in customers)
        {
            var p = predictions[c.Index];
            if (!p.Covered || p.PeakMbps is not { } peak) continue;
            var rate = c.Demand.PerSubscriberMbps(peak, costs["mobile_active_share"]);
            if (rate < Target) continue;
            var tech = byId[p.SiteId!].Sectors.First(x => x.Id == p.SectorId).Technology == Technology.FiveG ? "5G" : "4G";
            options[c.Index].Add(new ServeOption(OptionKind.Existing, -1, 0, 0, 0, true, rate, tech));
            ExistingServed++;
        }
    }

    /// <summary>The nearest distance to today's fibre (a backbone settlement), km; infinity when there is none within 200 km.</summary>
    private double KmToFibre(LonLat p)
    {
        foreach (var r in new[] { 5.0, 25, 200 })
        {
            var near = _backbone.Within(p, r).Select(x => x.Km).DefaultIfEmpty(double.PositiveInfinity).Min();
            if (double.IsFinite(near)) return near;
        }
        return double.PositiveInfinity;
    }

    private string RegionNear(LonLat p) =>
        _customers.Within(p, 30).OrderBy(x => x.Km).Select(x => customers[x.Index].Region).FirstOrDefault()
        ?? backbone.OrderBy(b => GeoMath.DistanceKm(b.Location, p)).Select(b => b.RegionCode).FirstOrDefault() ?? "";

    private int AddFacility(Facility f)
    {
        facilities.Add(f);
        return facilities.Count - 1;
    }
}
