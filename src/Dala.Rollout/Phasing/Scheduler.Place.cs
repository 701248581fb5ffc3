namespace Dala.Rollout.Phasing;

internal sealed partial class Scheduler
{
    /// <summary>Places customer i's final service in the latest year from <paramref name="latest"/> down that has room; null when none has.</summary>
    public int? Place(int i, int latest) => Place(i, latest, Math.Max(FirstYear, Earliest0(i)));

    private int? Place(int i, int latest, int earliest)
    {
        if (_year[i] is { } placed && placed <= latest) return placed;
        if (earliest > latest)
        {
            _binding[i] ??= (Resource.Permit, null);
            return null;
        }
        (Resource, string?)? first = null;
        for (var y = latest; y >= earliest; y--)
        {
            var need = NeedAt(i, y);
            if (_ledger.Binding(need, y) is { } b)
            {
                first ??= b;
                continue;
            }
            Commit(i, y, need);
            return y;
        }
        _binding[i] ??= first;
        return null;
    }

    /// <summary>Places customer i in exactly this year if it has room (a late settlement's earliest year).</summary>
    public bool PlaceIn(int i, int year) => year >= Earliest0(i) && Place(i, year, year) == year;

    /// <summary>An interim LEO service in the latest year from <paramref name="latest"/> down with room in the budget.</summary>
    public int? PlaceInterim(int i, int latest)
    {
        var need = LeoNeed(i);
        for (var y = latest; y >= FirstYear; y--)
        {
            if (_ledger.Binding(need, y) is not null) continue;
            _ledger.Take(need, y);
            _interim[i] = y;
            return y;
        }
        return null;
    }

    private void Commit(int i, int year, Need need)
    {
        if (_year[i] is { } old) _ledger.Take(OwnNeed(i), old, -1);
        _ledger.Take(need, year);
        var o = _w.Option(i)!.Value;
        if (o.Facility >= 0 && !(_facYear[o.Facility] <= year))
        {
            if (_facYear[o.Facility] is { } was)
            {
                var f = _w.Inst.Facilities[o.Facility];
                var back = new Need();
                back.Add(f.Region, f.Capex, sites: 1);
                _ledger.Take(back, was, -1);
            }
            _facYear[o.Facility] = year;
        }
        foreach (var e in _w.Paths[i])
        {
            if (_edgeYear[e] <= year) continue;
            if (_edgeYear[e] is { } was)
            {
                var back = new Need();
                back.Add(_w.EdgeRegion[e], _w.Inst.EdgeCapex[e], _w.Inst.Network.EdgeKm[e]);
                _ledger.Take(back, was, -1);
            }
            _edgeYear[e] = year;
        }
        _year[i] = year;
    }

    private Need OwnNeed(int i)
    {
        var need = new Need();
        need.Add(_w.Inst.Customers[i].Region, _w.Option(i)!.Value.Capex);
        return need;
    }
}
