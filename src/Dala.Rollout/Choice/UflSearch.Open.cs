namespace Dala.Rollout.Choice;

internal sealed partial class UflSearch
{
    /// <summary>Opens a closed facility when the members it would take (and the facilities they would empty) save more than it costs.</summary>
    private bool OpenFacilities()
    {
        var improved = false;
        var leaving = new Dictionary<int, int>();
        for (var j = 0; j < _inst.Facilities.Length; j++)
        {
            if (_load[j] > 0) continue;
            leaving.Clear();
            var delta = _inst.Facilities[j].Cost;
            foreach (var (i, k) in _inst.Members[j])
            {
                if (_excluded[i] || !(_inst.Options[i][k].Cost < CostOf(i))) continue;
                delta -= Math.Min(CostOf(i), 1e15) - _inst.Options[i][k].Cost;
                if (_assigned[i] >= 0 && _inst.Options[i][_assigned[i]].Facility is var f and >= 0) leaving[f] = leaving.GetValueOrDefault(f) + 1;
            }
            foreach (var (f, n) in leaving)
                if (_load[f] == n) delta -= _inst.Facilities[f].Cost;
            if (delta >= -1e-6) continue;
            foreach (var (i, k) in _inst.Members[j])
                if (!_excluded[i] && _inst.Options[i][k].Cost < CostOf(i)) Assign(i, k);
            improved = true;
        }
        return improved;
    }

    /// <summary>Closes an open facility and opens a closed one that shares customers with it, when that saves money.</summary>
    private bool SwapFacilities()
    {
        var improved = false;
        var mine = new List<(int Customer, int Option)>();
        for (var f = 0; f < _inst.Facilities.Length; f++)
        {
            if (_load[f] == 0) continue;
            mine.Clear();
            foreach (var (i, k) in _inst.Members[f])
                if (!_excluded[i] && _assigned[i] == k) mine.Add((i, k));
            var candidates = new HashSet<int>();
            foreach (var (i, _) in mine)
                foreach (var o in _inst.Options[i])
                    if (o.Facility >= 0 && o.Facility != f && _load[o.Facility] == 0) candidates.Add(o.Facility);
            foreach (var j in candidates)
            {
                if (TrySwap(f, j, mine)) { improved = true; break; }
            }
        }
        return improved;
    }

    private bool TrySwap(int f, int j, List<(int Customer, int Option)> mine)
    {
        var delta = _inst.Facilities[j].Cost - _inst.Facilities[f].Cost;
        var moves = new List<(int Customer, int Option)>();
        var onMine = new HashSet<int>();
        foreach (var (i, k) in mine)
        {
            onMine.Add(i);
            var alt = BestOutside(i, f);
            var altCost = alt >= 0 ? _inst.Options[i][alt].Cost : double.PositiveInfinity;
            var viaJ = OptionAt(i, j);
            if (viaJ >= 0 && _inst.Options[i][viaJ].Cost < altCost) (alt, altCost) = (viaJ, _inst.Options[i][viaJ].Cost);
            if (alt < 0) return false;
            delta += altCost - _inst.Options[i][k].Cost;
            moves.Add((i, alt));
        }
        foreach (var (i, k) in _inst.Members[j])
        {
            if (_excluded[i] || onMine.Contains(i) || !(_inst.Options[i][k].Cost < CostOf(i))) continue;
            delta -= CostOf(i) - _inst.Options[i][k].Cost;
            moves.Add((i, k));
        }
        if (delta >= -1e-6) return false;
        foreach (var (i, k) in moves) Assign(i, k);
        return true;
    }

    private int OptionAt(int i, int facility)
    {
        var opts = _inst.Options[i];
        for (var k = 0; k < opts.Length; k++)
            if (opts[k].Facility == facility) return k;
        return -1;
    }
}
