namespace Dala.Rollout.Phasing;

/// <summary>A resource a year can run out of.</summary>
public enum Resource
{
    Budget,
    RegionBudget,
    FibreKm,
    Sites,
    Permit,
}

/// <summary>What one piece of work takes from a year: capex (by region), km of fibre (by region), site works (by region).</summary>
internal sealed class Need
{
    public double Capex;
    public readonly Dictionary<string, double> CapexByRegion = [];
    public readonly Dictionary<string, double> Km = [];
    public readonly Dictionary<string, int> Sites = [];

    public void Add(string region, double capex, double km = 0, int sites = 0)
    {
        Capex += capex;
        CapexByRegion[region] = CapexByRegion.GetValueOrDefault(region) + capex;
        if (km > 0) Km[region] = Km.GetValueOrDefault(region) + km;
        if (sites > 0) Sites[region] = Sites.GetValueOrDefault(region) + sites;
    }
}

/// <summary>
/// How much of each year's budget and capacity is used, against what the settings allow (the first year pro rata
/// from the plan date). Answers whether a need fits a year and, when it does not, which resource binds first.
/// </summary>
internal sealed class Ledger(PhasingSettings settings, int firstYear, double firstYearShare)
{
    private readonly Dictionary<int, double> _capex = [];
    private readonly Dictionary<(string, int), double> _regionCapex = [];
    private readonly Dictionary<(string, int), double> _km = [];
    private readonly Dictionary<(string, int), int> _sites = [];

    public double Share(int year) => year == firstYear ? firstYearShare : 1;

    public double Budget(int year) => settings.BudgetPerYear is { } b ? b * Share(year) : double.PositiveInfinity;

    public double RegionBudget(string region, int year) =>
        settings.RegionBudgetPerYear.TryGetValue(region, out var b) ? b * Share(year) : double.PositiveInfinity;

    public double KmCapacity(int year) => settings.FibreKmPerRegionYear * Share(year);

    public int SitesCapacity(int year) => (int)Math.Floor(settings.SitesPerRegionYear * Share(year) + 1e-9);

    public double CapexUsed(int year) => _capex.GetValueOrDefault(year);

    public double KmUsed(string region, int year) => _km.GetValueOrDefault((region, year));

    public int SitesUsed(string region, int year) => _sites.GetValueOrDefault((region, year));

    public double RegionCapexUsed(string region, int year) => _regionCapex.GetValueOrDefault((region, year));

    /// <summary>The first resource the need would overrun in the year (and the region), or null when it fits.</summary>
    public (Resource Resource, string? Region)? Binding(Need need, int year)
    {
        const double eps = 1e-6;
        if (CapexUsed(year) + need.Capex > Budget(year) + eps) return (Resource.Budget, null);
        foreach (var (region, capex) in need.CapexByRegion)
            if (RegionCapexUsed(region, year) + capex > RegionBudget(region, year) + eps) return (Resource.RegionBudget, region);
        foreach (var (region, km) in need.Km)
            if (KmUsed(region, year) + km > KmCapacity(year) + eps) return (Resource.FibreKm, region);
        foreach (var (region, n) in need.Sites)
            if (SitesUsed(region, year) + n > SitesCapacity(year)) return (Resource.Sites, region);
        return null;
    }

    public void Take(Need need, int year, int sign = 1)
    {
        _capex[year] = CapexUsed(year) + sign * need.Capex;
        foreach (var (r, c) in need.CapexByRegion) _regionCapex[(r, year)] = RegionCapexUsed(r, year) + sign * c;
        foreach (var (r, k) in need.Km) _km[(r, year)] = KmUsed(r, year) + sign * k;
        foreach (var (r, n) in need.Sites) _sites[(r, year)] = SitesUsed(r, year) + sign * n;
    }
}
