namespace Dala.Rollout.Choice;

internal sealed partial class UflSearch
{
    /// <summary>Closes an open facility when moving its customers to their next-best open option saves its cost.</summary>
    private bool CloseFacilities()
    {
        var improved = false;
        var moves = new List<(int Customer, int Option)>();
        for (var f = 0; f < _inst.Facilities.Length; f++)
        {
            if (_load[f] == 0) continue;
            moves.Clear();
            var delta = -_inst.Facilities[f].Cost;
            var possible = true;
            foreach (var (i, k) in _inst.Members[f])
            {
                if (_excluded[i] || _assigned[i] != k) continue;
                var alt = BestOutside(i, f);
                if (alt < 0) { possible = false; break; }
                delta += _inst.Options[i][alt].Cost - _inst.Options[i][k].Cost;
                moves.Add((i, alt));
            }
            if (!possible || delta >= -1e-6) continue;
            foreach (var (i, alt) in moves) Assign(i, alt);
            improved = true;
        }
        return improved;
    }

    /// <summary>The customer's cheapest option that is its own or at an open facility other than f; -1 when none.</summary>
    private int BestOutside(int i, int f)
    {
        var opts = _inst.Options[i];
        var best = -1;
        for (var k = 0; k < opts.Length; k++)
        {
            var o = opts[k];
            if (o.Facility == f || (o.Facility >= 0 && _load[o.Facility] == 0)) continue;
            if (best < 0 || o.Cost < opts[best].Cost) best = k;
        }
        return best;
    }
}
