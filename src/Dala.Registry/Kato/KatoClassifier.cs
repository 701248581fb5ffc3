using Dala.Registry.Model;

namespace Dala.Registry.Kato;

/// <summary>
/// KATO, the official classifier of administrative-territorial units, as a tree. The hierarchy is id and
/// parent_id, not the digits of the code: a village may hang under the okrug's main village.
/// Read a file with <see cref="Read(Import.InputFile, Import.ImportTally, IProgress{Import.ImportProgress}?)"/>.
/// </summary>
public sealed partial class KatoClassifier
{
    private readonly Dictionary<int, KatoUnit> _byId = [];
    private readonly Dictionary<string, KatoUnit> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<KatoUnit>> _children = [];

    /// <summary>Indexes the units; a duplicate id or code keeps the first, an unknown parent ends a path.</summary>
    public KatoClassifier(IReadOnlyList<KatoUnit> units)
    {
        Units = units;
        foreach (var u in units)
        {
            _byId.TryAdd(u.Id, u);
            _byCode.TryAdd(u.Code, u);
            if (!_children.TryGetValue(u.ParentId, out var list)) _children[u.ParentId] = list = [];
            list.Add(u);
        }
    }

    /// <summary>Every unit, in file order.</summary>
    public IReadOnlyList<KatoUnit> Units { get; }

    /// <summary>The top-level units (parent 0): oblasts and cities of republican significance.</summary>
    public IReadOnlyList<KatoUnit> Regions => ChildrenOf(0);

    /// <summary>The populated places (see <see cref="KatoKinds.IsSettlement(KatoKind)"/>).</summary>
    public IEnumerable<KatoUnit> Settlements => Units.Where(KatoKinds.IsSettlement);

    public KatoUnit? Find(int id) => _byId.GetValueOrDefault(id);

    public KatoUnit? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The direct children of a unit (of 0: the regions), in file order.</summary>
    public IReadOnlyList<KatoUnit> ChildrenOf(int id) => _children.TryGetValue(id, out var list) ? list : [];

    public IReadOnlyList<KatoUnit> ChildrenOf(KatoUnit unit) => ChildrenOf(unit.Id);

    /// <summary>The chain from the region down to the unit itself (region first, the unit last).</summary>
    public IReadOnlyList<KatoUnit> PathOf(KatoUnit unit)
    {
        var path = new List<KatoUnit> { unit };
        var seen = new HashSet<int> { unit.Id };
        for (var p = Find(unit.ParentId); p is not null && seen.Add(p.Id); p = Find(p.ParentId)) path.Add(p);
        path.Reverse();
        return path;
    }

    /// <summary>The path as text: «область Абай > Семей Г.А. > Абралинский с.о. > с.Абралы».</summary>
    public string PathText(KatoUnit unit) => string.Join(" > ", PathOf(unit).Select(u => u.Name));

    /// <summary>The region entry (ISO 3166-2:KZ) whose KATO prefix the unit's code starts with, if known.</summary>
    public static KazakhstanRegions.Entry? RegionOf(KatoUnit unit) => KazakhstanRegions.FindByKatoPrefix(unit.RegionPrefix);
}
