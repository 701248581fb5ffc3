using Dala.Registry.Model;
using Dala.Registry.Naming;

namespace Dala.Registry.Kato;

/// <summary>The matching of <see cref="KatoMatcher"/> inside one region: settlements against its KATO places.</summary>
internal sealed class KatoRegionMatcher
{
    private readonly List<Settlement> _settlements;
    private readonly string _region;
    private readonly Dictionary<string, List<KatoUnit>> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Settlement>> _holders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _keys = new(StringComparer.Ordinal);

    public KatoRegionMatcher(List<Settlement> settlements, List<KatoUnit> places, string regionName)
    {
        _settlements = settlements;
        _region = regionName;
        foreach (var u in places)
        {
            var key = NameKey.Of(u.Name);
            if (key.Length > 0) Add(_places, key, u);
        }
        foreach (var s in settlements)
        {
            var keys = s.Name.All().Select(NameKey.Of).Where(k => k.Length > 0).Distinct().ToArray();
            _keys[s.Id] = keys;
            foreach (var k in keys) Add(_holders, k, s);
        }
    }

    public List<SettlementKatoMatch> Run()
    {
        var first = Pass(_settlements, new Dictionary<string, KatoUnit>());
        var settled = first.Where(p => p.Value.Unit is not null).ToDictionary(p => p.Key, p => p.Value.Unit!);
        var taken = settled.Values.ToHashSet();
        var second = Pass(_settlements.Where(s => !settled.ContainsKey(s.Id)).ToList(), settled);
        return _settlements.Select(s =>
        {
            if (settled.TryGetValue(s.Id, out var unit)) return Matched(s, unit);
            var (u, why) = second[s.Id];
            return u is not null && !taken.Contains(u) ? Matched(s, u) : KatoMatcher.Unmatched(s, why ?? Claimed(2, u!));
        }).ToList();
    }

    /// <summary>Each settlement's candidate, then a place claimed by more than one settlement goes to none.</summary>
    private Dictionary<string, (KatoUnit? Unit, string? Why)> Pass(List<Settlement> who, Dictionary<string, KatoUnit> settled)
    {
        var outcome = who.ToDictionary(s => s.Id, s => Candidate(s, settled), StringComparer.Ordinal);
        var claims = outcome.Values.Where(o => o.Unit is not null).GroupBy(o => o.Unit!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (id, (unit, _)) in outcome.ToList())
        {
            if (unit is not null && claims[unit] > 1) outcome[id] = (null, Claimed(claims[unit], unit));
        }
        return outcome;
    }

    /// <summary>The one place the settlement's names point at, given rivals already settled elsewhere.</summary>
    private (KatoUnit? Unit, string? Why) Candidate(Settlement s, Dictionary<string, KatoUnit> settled)
    {
        var found = new HashSet<KatoUnit>();
        string? why = null;
        foreach (var key in _keys[s.Id])
        {
            if (!_places.TryGetValue(key, out var units)) continue;
            var rivals = _holders[key].Where(o => o.Id == s.Id || !settled.TryGetValue(o.Id, out var u) || units.Contains(u)).ToList();
            if (units.Count == 1 && rivals.Count == 1) { found.Add(units[0]); continue; }
            var town = KatoMatcher.IsTown(s);
            var sameUnits = units.Where(u => KatoMatcher.IsTown(u) == town).ToList();
            var sameRivals = rivals.Where(o => KatoMatcher.IsTown(o) == town).ToList();
            if (sameUnits.Count == 1 && sameRivals.Count == 1) { found.Add(sameUnits[0]); continue; }
            why ??= units.Count > 1
                ? $"ambiguous: {units.Count} KATO entries named '{units[0].Name}' in {_region} ({Codes(units)})"
                : $"ambiguous: {rivals.Count} settlements named '{s.Name.Local}' in {_region} for KATO {units[0].Code} '{units[0].Name}'";
        }
        if (found.Count == 1) return (found.First(), null);
        if (found.Count > 1) return (null, $"ambiguous: its names match {found.Count} KATO entries ({Codes(found)})");
        return (null, why ?? $"no KATO entry named '{s.Name.Local}' in {_region}");
    }

    private static string Claimed(int count, KatoUnit unit) => $"ambiguous: {count} settlements match KATO {unit.Code} '{unit.Name}'";

    private static string Codes(IEnumerable<KatoUnit> units)
    {
        var list = units.Select(u => $"{u.Code} {u.Name}").ToList();
        return list.Count <= 3 ? string.Join(", ", list) : string.Join(", ", list.Take(3)) + $" and {list.Count - 3} more";
    }

    private static SettlementKatoMatch Matched(Settlement s, KatoUnit unit) => new(s.Id, s.Name.Local, s.RegionCode, unit.Code, null);

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(item);
    }
}
