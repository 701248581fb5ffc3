using Dala.Registry.Progress;
using Dala.Rollout.Costs;
using Dala.Rollout.Planning;

namespace Dala.Rollout.Phasing;

/// <summary>
/// Places the chosen works in years. Targets are taken in date order; for each, the settlements it still lacks are
/// placed cheapest first (most people per tenge in the most-people mode), each in the latest year that still counts
/// and has room, so that money is spent as late as the dates allow. A broadband target may use LEO as an interim
/// service where the final technology cannot be ready in time. What cannot be placed by a target's date is placed
/// in its earliest year after it, with the constraint that stopped it; a missed target gets the shortfall of each
/// resource that would meet it.
/// </summary>
internal sealed partial class Scheduler
{
    private readonly Works _w;
    private readonly CostBook _costs;
    private readonly PhasingSettings _settings;
    private readonly PlanMode _mode;
    private readonly Ledger _ledger;
    private readonly int?[] _year;
    private readonly int?[] _interim;
    private readonly int?[] _facYear;
    private readonly int?[] _edgeYear;
    private readonly (Resource Resource, string? Region)?[] _binding;
    private readonly int?[] _earliest;
    private readonly int _permitYear;

    public Scheduler(Works works, CostBook costs, PhasingSettings settings, PlanMode mode, DateOnly asOf)
    {
        _w = works;
        _costs = costs;
        _settings = settings;
        _mode = mode;
        FirstYear = asOf.Year;
        var yearEnd = new DateOnly(asOf.Year, 12, 31);
        var share = (yearEnd.DayNumber - asOf.DayNumber + 1) / (double)(yearEnd.DayOfYear);
        _ledger = new Ledger(settings, FirstYear, share);
        var n = works.Inst.Count;
        (_year, _interim, _binding, _earliest) = (new int?[n], new int?[n], new (Resource, string?)?[n], new int?[n]);
        _facYear = new int?[works.Inst.Facilities.Length];
        _edgeYear = new int?[works.Inst.FibreGraph.EdgeCount];
        _permitYear = asOf.AddMonths(settings.PermitLeadMonths).Year;
    }

    public int FirstYear { get; }

    public int?[] Years => _year;

    public int?[] Interim => _interim;

    public int?[] FacilityYears => _facYear;

    public int?[] EdgeYears => _edgeYear;

    public (Resource Resource, string? Region)?[] Binding => _binding;

    public int?[] Earliest => _earliest;

    public Ledger Ledger => _ledger;

    /// <summary>The first year a customer's final service can start (a new mast waits for its permit).</summary>
    private int Earliest0(int i)
    {
        var o = _w.Option(i);
        return o is { Facility: >= 0 } f && _w.Inst.Facilities[f.Facility].NeedsPermit ? Math.Max(FirstYear, PermitYear(_w.Inst.Facilities[f.Facility].Region)) : FirstYear;
    }

    /// <summary>The first year a new mast in the region can carry traffic: its permit records' earliest on-air day when given, else the flat lead.</summary>
    private int PermitYear(string region) =>
        _settings.EarliestOnAirByRegion.TryGetValue(region, out var day) ? day.Year : _permitYear;

    /// <summary>What placing customer i's final service in the year takes, counting the works it shares only if they are not already placed by then.</summary>
    private Need NeedAt(int i, int year)
    {
        var need = new Need();
        var c = _w.Inst.Customers[i];
        var o = _w.Option(i)!.Value;
        need.Add(c.Region, o.Capex);
        if (o.Facility >= 0 && !(_facYear[o.Facility] <= year))
        {
            var f = _w.Inst.Facilities[o.Facility];
            need.Add(f.Region, f.Capex, sites: 1);
        }
        foreach (var e in _w.Paths[i])
            if (!(_edgeYear[e] <= year)) need.Add(_w.EdgeRegion[e], _w.Inst.EdgeCapex[e], _w.Inst.Network.EdgeKm[e]);
        return need;
    }

    private Need LeoNeed(int i)
    {
        var need = new Need();
        var c = _w.Inst.Customers[i];
        need.Add(c.Region, c.Demand.Homes * (_costs["leo_terminal"] + _costs["leo_install"]));
        return need;
    }
}
