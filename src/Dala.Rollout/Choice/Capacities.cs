using Dala.Rollout.Phasing;

namespace Dala.Rollout.Choice;

/// <summary>
/// What all the years up to a deadline can build together (the first year pro rata from the plan date): fibre km
/// and site works per region, and capex. Any plan that finishes by the deadline stays within these totals, which
/// is what makes them usable in a lower bound.
/// </summary>
public sealed record Capacities(double KmPerRegion, int SitesPerRegion, double Budget)
{
    public static Capacities Until(PhasingSettings p, DateOnly asOf, int lastYear)
    {
        var yearEnd = new DateOnly(asOf.Year, 12, 31);
        var first = (yearEnd.DayNumber - asOf.DayNumber + 1) / (double)yearEnd.DayOfYear;
        var years = Math.Max(0, lastYear - asOf.Year);
        var shares = lastYear < asOf.Year ? 0 : first + years;
        var sites = lastYear < asOf.Year ? 0 : (int)Math.Floor(p.SitesPerRegionYear * first + 1e-9) + years * p.SitesPerRegionYear;
        return new Capacities(p.FibreKmPerRegionYear * shares, sites, p.BudgetPerYear is { } b ? b * shares : double.PositiveInfinity);
    }
}
