using Dala.Rollout.Giga.Input;

namespace Dala.Rollout.Tests.Giga;

/// <summary>The checker's own statement of the rules: distances, limits, feasibility and the cost formulas.</summary>
internal sealed class CheckerRules(GigaCase input, GigaScenario scenario)
{
    public GigaCase Input => input;

    public double Metres(Technology tech, double lat1, double lon1, double lat2, double lon2)
    {
        var radius = tech == Technology.Fiber ? 6_371_000.0 : 6_371_008.8;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin((Rad(lat2) - Rad(lat1)) / 2), 2) +
                Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin((Rad(lon2) - Rad(lon1)) / 2), 2);
        return 2 * radius * Math.Asin(Math.Sqrt(a));
    }

    public double MaximumM(Technology tech) => tech switch
    {
        Technology.Fiber => scenario.Get<FibreConfig>()!.MaximumConnectionKm * 1000,
        Technology.P2P => scenario.Get<P2PConfig>()!.MaximumRangeKm * 1000,
        _ => scenario.Get<CellularConfig>()!.MaximumRangeKm * 1000,
    };

    /// <summary>Where a parent sits: a POP (fibre) or tower (P2P) is a root; otherwise it must be a row of the same technology.</summary>
    public (double Lat, double Lon, bool Root) Site(Technology tech, string parent, Dictionary<string, string[]> rows)
    {
        if (tech == Technology.Fiber && input.Pops.FirstOrDefault(p => p.Id == parent) is { } pop) return (pop.Lat, pop.Lon, true);
        Assert.True(tech != Technology.Fiber || scenario.Get<FibreConfig>()!.EconomiesOfScale, $"'{parent}': schools relay fibre only with economies of scale");
        if (tech == Technology.P2P && input.Towers.FirstOrDefault(t => t.Id == parent) is { } tower) return (tower.Lat, tower.Lon, true);
        Assert.True(rows.TryGetValue(parent, out var row) && row[1] == tech.ToString(), $"parent '{parent}' is not a {tech} school or root");
        var s = input.Schools.Single(x => x.Id == parent);
        return (s.Lat, s.Lon, false);
    }

    private TechnologyConfig? Config(Technology tech) => scenario.Technologies.FirstOrDefault(t => t.Technology == tech);

    public bool Eligible(Technology tech, GigaSchool s) =>
        Config(tech) is { } c && Demand(s) <= c.MaximumBandwidth && (s.HasElectricity || c.Electricity.AllowNewElectricity);

    private double Demand(GigaSchool s) => scenario.UsePerSchoolDemand ? s.DemandMbps : scenario.BandwidthDemand;

    /// <summary>The total for a technology from the formulas (hopM: the school's own edge), or null when infeasible stand-alone.</summary>
    public double? Total(Technology tech, GigaSchool s, double hopM)
    {
        if (!Eligible(tech, s)) return null;
        var c = Config(tech)!;
        var km = hopM / 1000;
        var (capex, opex) = c switch
        {
            FibreConfig f => (km * f.CapexPerKm * f.Correction + f.CapexFixed, Demand(s) * f.OpexPerMbps + f.OpexFixed + km * f.Correction * f.OpexPerKm),
            CellularConfig cell when !input.Towers.Any(t => t.Technologies.Intersect(cell.ValidTechnologies).Any() &&
                                                            Metres(tech, s.Lat, s.Lon, t.Lat, t.Lon) < MaximumM(tech)) => (double.NaN, double.NaN),
            CellularConfig cell => (cell.CapexFixed, Demand(s) * cell.OpexPerMbps + cell.OpexFixed),
            SatelliteConfig sat => (sat.CapexFixed, Demand(s) * sat.OpexPerMbps + sat.OpexFixed),
            P2PConfig p => (p.CapexFixed + p.TowerFixed, Demand(s) * p.OpexPerMbps + p.OpexFixed),
            _ => (double.NaN, double.NaN),
        };
        if (double.IsNaN(capex)) return null;
        var solar = s.HasElectricity ? 0 : scenario.RequiredPowerPerSchool * c.Electricity.SolarCostPerWatt;
        var grid = s.HasElectricity ? c.Electricity.CostPerKwh * c.RequiredPower : 0;
        return capex + solar + (opex + grid) * scenario.YearsOpex;
    }

    /// <summary>Whether any technology is feasible for the school: stand-alone, or a network that reaches it through eligible schools.</summary>
    public bool AnythingFeasible(GigaSchool s) =>
        Total(Technology.Cellular, s, 0) is not null || Total(Technology.Satellite, s, 0) is not null ||
        Reachable(Technology.Fiber).Contains(s.Id) || Reachable(Technology.P2P).Contains(s.Id);

    private HashSet<string> Reachable(Technology tech)
    {
        var reached = new HashSet<string>();
        if (Config(tech) is null) return reached;
        var roots = tech == Technology.Fiber ? input.Pops.Select(p => (p.Lat, p.Lon)) : input.Towers.Select(t => (t.Lat, t.Lon));
        var frontier = new Queue<(double Lat, double Lon)>(roots);
        while (frontier.TryDequeue(out var site))
            foreach (var s in input.Schools.Where(s => !reached.Contains(s.Id) && Eligible(tech, s) &&
                                                       Metres(tech, s.Lat, s.Lon, site.Lat, site.Lon) < MaximumM(tech)))
            {
                reached.Add(s.Id);
                frontier.Enqueue((s.Lat, s.Lon));
            }
        return reached;
    }
}
