using Dala.Registry.Model;
using Dala.Registry.Naming;
using Dala.Registry.Store;

namespace Dala.Registry.Kato;

/// <summary>
/// Gives settlements their KATO code by region and name (a pure function: no I/O). Within a region (its
/// ISO 3166-2:KZ digits are the KATO prefix), every name form of a settlement (local, Kazakh, Russian,
/// English) is reduced to a <see cref="NameKey"/>. A key that names exactly one KATO populated place and is
/// held by exactly one settlement is a match; when several places or settlements share it, a city/town vs
/// village distinction («г.» against city/town) may still single one out, else it is ambiguous. A settlement
/// whose names point at two different places, or a place claimed by two settlements, stays unmatched: a
/// missing code is better than a wrong one. A second pass lets a settlement win a contested key when its
/// rivals were all matched, in the first pass, to other places under other names (Кировка, Кировское and
/// Кирова whose Kazakh names are all «Киров»).
/// </summary>
public static class KatoMatcher
{
    public static KatoMatchResult Match(RegistrySnapshot snapshot, IReadOnlyList<KatoUnit> units)
    {
        var places = units.Where(IsPlace).GroupBy(u => u.RegionPrefix)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var results = new List<SettlementKatoMatch>(snapshot.Settlements.Count);
        var stats = new List<KatoRegionStats>();
        foreach (var group in snapshot.Settlements.GroupBy(s => s.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var entry = KazakhstanRegions.FindByCode(group.Key);
            var regionName = snapshot.RegionsByCode.GetValueOrDefault(group.Key)?.Name.Local ?? entry?.En ?? group.Key;
            var matches = entry is null
                ? group.Select(s => Unmatched(s, $"region {group.Key} is not one of Kazakhstan's regions (no KATO prefix)")).ToList()
                : new KatoRegionMatcher(group.ToList(), places.GetValueOrDefault(entry.KatoPrefix) ?? [], regionName).Run();
            results.AddRange(matches);
            var unmatched = matches.Where(m => !m.IsMatched).ToArray();
            stats.Add(new KatoRegionStats(group.Key, regionName, matches.Count, matches.Count - unmatched.Length, unmatched));
        }
        return new KatoMatchResult(results, stats);
    }

    /// <summary>A populated place, or a city of republican significance (the top-level «г.Астана» is the city too).</summary>
    internal static bool IsPlace(KatoUnit u) =>
        KatoKinds.Of(u) is var k && (k.IsSettlement() || (k == KatoKind.Region && u.Name.StartsWith("г.", StringComparison.Ordinal)));

    /// <summary>KATO «г.» goes with OSM city and town; every other populated place with village and hamlet.</summary>
    internal static bool IsTown(KatoUnit u) => u.Name.StartsWith("г.", StringComparison.Ordinal);

    internal static bool IsTown(Settlement s) => s.Kind is SettlementKind.City or SettlementKind.Town;

    internal static SettlementKatoMatch Unmatched(Settlement s, string reason) =>
        new(s.Id, s.Name.Local, s.RegionCode, null, reason);
}
