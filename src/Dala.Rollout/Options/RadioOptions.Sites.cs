using Dala.Geo;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Rollout.Options;

internal sealed partial class RadioOptions
{
    /// <summary>5G 3.5 GHz, 100 MHz, three sectors (as the synthetic layout's town sites): what an upgrade or a new mast adds.</summary>
    private static IEnumerable<Sector> Nr(string prefix, double az0, double tilt) =>
        Enumerable.Range(0, 3).Select(i => new Sector($"{prefix}-{i + 1}", az0 + 120 * i, tilt, 3500, 100, 70, "3gpp", Technology.FiveG));

    private static IEnumerable<Sector> Lte(double az0) =>
        Enumerable.Range(0, 3).Select(i => new Sector($"L8-{i + 1}", az0 + 120 * i, 3, 800, 10, 61, "3gpp", Technology.FourG));

    /// <summary>Every 4G-only site upgraded with 5G radios; a settlement whose best server becomes one of them may use the upgrade.</summary>
    public void AddUpgrades(CancellationToken cancel)
    {
        var live = sites.Where(s => s.Sectors.Count > 0).ToList();
        if (live.Count == 0) return;
        var upgraded = live.Select(s => s.Sectors.Any(x => x.Technology == Technology.FiveG) ? s
            : s with { Sectors = [.. s.Sectors, .. Nr("U35", s.Sectors[0].AzimuthDeg, s.Sectors[0].TiltDeg + 2)] }).ToList();
        var engine = new CoverageEngine(upgraded, null, settings.Radio, new PatternLibrary());
        var predictions = engine.PredictAll([.. customers.Select(TargetOf)], cancel: cancel);
        var byId = upgraded.ToDictionary(s => s.Id);
        var facilityOf = new Dictionary<string, int>();
        foreach (var c in customers)
        {
            var p = predictions[c.Index];
            if (!p.Covered || p.PeakMbps is not { } peak || p.SectorId?.StartsWith("U35", StringComparison.Ordinal) != true) continue;
            var rate = c.Demand.PerSubscriberMbps(peak, costs["mobile_active_share"]);
            if (rate < Target) continue;
            if (!facilityOf.TryGetValue(p.SiteId!, out var f))
            {
                var site = byId[p.SiteId!];
                var capex = costs["site_upgrade_5g"];
                var opex = costs["upgrade_opex_year"];
                facilityOf[site.Id] = f = AddFacility(new Facility("upgrade:" + site.Id, OptionKind.Upgrade, site.Location, RegionNear(site.Location),
                    capex, opex, costs.LifeCycle(capex, opex), false, false, $"5G radios on existing site {site.Id}"));
                UpgradeSites++;
            }
            options[c.Index].Add(new ServeOption(OptionKind.Upgrade, f, 0, 0, 0, true, rate, "5G"));
        }
    }

    /// <summary>A new mast at every candidate: at each settlement to serve, and at every offered site.</summary>
    public void AddNewSites(CancellationToken cancel)
    {
        var candidates = new List<CandidateSite>(settings.Candidates);
        if (settings.CandidateAtEverySettlement)
            candidates.AddRange(customers.Select(c => new CandidateSite("at:" + c.Id, c.Settlement.Name.Local, c.Settlement.Location, 40, null, "settlement", false)));
        var radius = settings.Radio with { SearchRadiusKm = settings.NewSiteRadiusKm };
        foreach (var cand in candidates)
        {
            cancel.ThrowIfCancellationRequested();
            var site = new Site(cand.Id, cand.Name, cand.Location, null, cand.MastM, null, [.. Lte(0), .. Nr("N35", 0, 5)], cand.Source, cand.Synthetic);
            Serve(site, radius, costs["mobile_active_share"], () => NewSite(cand), (i, f, rate) =>
                options[i].Add(new ServeOption(OptionKind.NewSite, f, 0, 0, 0, true, rate, "5G")));
        }
    }

    private int NewSite(CandidateSite cand)
    {
        var km = KmToFibre(cand.Location);
        var microwave = costs["backhaul_microwave"];
        var fibre = km <= costs["backhaul_fibre_within_km"] ? km * settings.Detour * costs["fibre_per_km_connector"] : double.PositiveInfinity;
        var backhaul = Math.Min(microwave, fibre);
        var capex = (cand.CapexTenge ?? costs["site_new"]) + backhaul;
        var opex = costs["site_opex_year"];
        CandidateSites++;
        return AddFacility(new Facility("site:" + cand.Id, OptionKind.NewSite, cand.Location, RegionNear(cand.Location), capex, opex,
            costs.LifeCycle(capex, opex), true, cand.Source != "settlement",
            $"new mast ({cand.Source}); backhaul by {(fibre < microwave ? FormattableString.Invariant($"fibre, {km:0.0} km") : "microwave")}"));
    }

    /// <summary>Fixed-wireless radios on every existing tower close to today's fibre, for homes with an outdoor CPE.</summary>
    public void AddFixedWireless(CancellationToken cancel)
    {
        var fed = sites.Where(s => KmToFibre(s.Location) <= costs["fwa_fibre_fed_within_km"]).ToList();
        var radio = settings.Radio with
        {
            SearchRadiusKm = settings.NewSiteRadiusKm, ReceiverHeightM = 6, Receiver = new Radio.Link.ReceiverProfile(7, 15, 0),
        };
        foreach (var tower in fed)
        {
            cancel.ThrowIfCancellationRequested();
            var site = tower with { Sectors = [.. Nr("F35", tower.Sectors.FirstOrDefault()?.AzimuthDeg ?? 0, 3)] };
            Serve(site, radio, costs["fixed_active_share"], () => FixedWirelessAt(tower), (i, f, rate) =>
            {
                var own = customers[i].Demand.Homes * costs["fwa_cpe"];
                options[i].Add(new ServeOption(OptionKind.FixedWireless, f, own, 0, own, true, rate, "fixed-wireless"));
            });
        }
    }

    private int FixedWirelessAt(Site tower)
    {
        var capex = costs["fwa_radio_per_tower"];
        var opex = costs["fwa_opex_year"];
        FibreFedTowers++;
        return AddFacility(new Facility("fwa:" + tower.Id, OptionKind.FixedWireless, tower.Location, RegionNear(tower.Location), capex, opex,
            costs.LifeCycle(capex, opex), false, false, $"fixed-wireless radios on fibre-fed tower {tower.Id}"));
    }

    /// <summary>
    /// One site alone (no other site's interference) against the customers within the radius: each it gives the
    /// target rate per active subscriber gets an option at the site's facility, made when the first one is found.
    /// </summary>
    private void Serve(Site site, CoverageSettings radio, double activeShare, Func<int> facility, Action<int, int, double> add)
    {
        var engine = new CoverageEngine([site], null, radio, new PatternLibrary());
        var f = -1;
        foreach (var (i, _) in _customers.Within(site.Location, settings.NewSiteRadiusKm))
        {
            var c = customers[i];
            var p = engine.Predict(TargetOf(c));
            if (!p.Covered || p.PeakMbps is not { } peak) continue;
            var rate = c.Demand.PerSubscriberMbps(peak, activeShare);
            if (rate < Target) continue;
            if (f < 0) f = facility();
            add(i, f, rate);
        }
    }
}
