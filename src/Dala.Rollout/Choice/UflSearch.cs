using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

/// <summary>
/// The choice among a customer's own options and the shared facilities (new masts, upgrades, fixed-wireless radios)
/// for the customers not on fibre: an uncapacitated facility-location problem, solved by greedy opening (largest
/// saving first) and local search (close a facility, move a customer) until no move saves money.
/// </summary>
internal sealed partial class UflSearch
{
    private readonly ChoiceInstance _inst;
    private readonly int[] _assigned;
    private readonly int[] _load;
    private readonly bool[] _excluded;

    public UflSearch(ChoiceInstance inst, bool[] excluded, int[]? start = null)
    {
        _inst = inst;
        _excluded = excluded;
        _assigned = new int[inst.Count];
        _load = new int[inst.Facilities.Length];
        for (var i = 0; i < inst.Count; i++)
        {
            _assigned[i] = ChoiceSolution.Unserved;
            if (excluded[i]) continue;
            var k = start is not null && start[i] >= 0 ? start[i] : inst.BestStandalone(i) ?? Cheapest(i);
            if (k is { } option) Assign(i, option);
        }
    }

    public IReadOnlyList<int> Assigned => _assigned;

    /// <summary>The cost of customer i's current option, or infinity when it has none.</summary>
    public double CostOf(int i) => _assigned[i] >= 0 ? _inst.Options[i][_assigned[i]].Cost : double.PositiveInfinity;

    public int Load(int facility) => _load[facility];

    public void Run()
    {
        GreedyOpen();
        for (var round = 0; round < 50; round++)
        {
            var improved = MoveCustomers();
            improved |= CloseFacilities();
            improved |= OpenFacilities();
            improved |= SwapFacilities();
            if (!improved) break;
        }
    }

    private int? Cheapest(int i)
    {
        var opts = _inst.Options[i];
        int? best = null;
        for (var k = 0; k < opts.Length; k++)
            if (best is null || Full(opts[k]) < Full(opts[best.Value])) best = k;
        return best;
    }

    private double Full(ServeOption o) => o.Cost + (o.Facility >= 0 && _load[o.Facility] == 0 ? _inst.Facilities[o.Facility].Cost : 0);

    private void Assign(int i, int option)
    {
        if (_assigned[i] >= 0 && _inst.Options[i][_assigned[i]].Facility is var old and >= 0) _load[old]--;
        _assigned[i] = option;
        if (_inst.Options[i][option].Facility is var f and >= 0) _load[f]++;
    }

    /// <summary>Opens facilities in order of net saving (lazily re-evaluated) while one saves money.</summary>
    private void GreedyOpen()
    {
        var heap = new PriorityQueue<int, double>();
        for (var f = 0; f < _inst.Facilities.Length; f++)
            if (_load[f] == 0 && Saving(f) > 0) heap.Enqueue(f, -Saving(f));
        while (heap.TryDequeue(out var f, out _))
        {
            if (_load[f] > 0) continue;
            var now = Saving(f);
            if (now <= 0) continue;
            if (heap.TryPeek(out _, out var next) && -now > next + 1e-6) { heap.Enqueue(f, -now); continue; }
            foreach (var (i, k) in _inst.Members[f])
                if (!_excluded[i] && _inst.Options[i][k].Cost < CostOf(i)) Assign(i, k);
        }
    }

    private double Saving(int f)
    {
        var s = -_inst.Facilities[f].Cost;
        foreach (var (i, k) in _inst.Members[f])
            if (!_excluded[i]) s += Math.Max(0, Math.Min(CostOf(i), 1e15) - _inst.Options[i][k].Cost);
        return s;
    }

    /// <summary>Moves each customer to its cheapest option among its own and the open facilities.</summary>
    private bool MoveCustomers()
    {
        var improved = false;
        for (var i = 0; i < _inst.Count; i++)
        {
            if (_excluded[i]) continue;
            var opts = _inst.Options[i];
            for (var k = 0; k < opts.Length; k++)
            {
                if (k == _assigned[i]) continue;
                var o = opts[k];
                var current = CostOf(i) + (_assigned[i] >= 0 && opts[_assigned[i]].Facility is var cf and >= 0 && _load[cf] == 1 ? _inst.Facilities[cf].Cost : 0);
                var extra = o.Facility >= 0 && _load[o.Facility] == 0 ? _inst.Facilities[o.Facility].Cost : 0;
                if (o.Cost + extra < current - 1e-6)
                {
                    Assign(i, k);
                    improved = true;
                }
            }
        }
        return improved;
    }
}
