using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Registry.Import;

/// <summary>Finds a settlement's region in the store: by a code or name given in the file, or by polygon.</summary>
internal sealed class RegionResolver
{
    private readonly RegistrySnapshot _snapshot;
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly PolygonLocator<string> _locator;

    public RegionResolver(RegistrySnapshot snapshot)
    {
        _snapshot = snapshot;
        foreach (var r in snapshot.Regions)
        {
            foreach (var n in r.Name.All()) _byName.TryAdd(n.Trim(), r.Code);
        }
        _locator = new PolygonLocator<string>(snapshot.Regions
            .Where(r => r.Area is not null).OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Area!)));
    }

    public bool HasPolygons => _locator.Count > 0;

    public string? ByHint(string hint)
    {
        if (_snapshot.RegionsByCode.ContainsKey(hint)) return hint;
        if (_byName.TryGetValue(hint.Trim(), out var code)) return code;
        var known = KazakhstanRegions.FindByName(hint)?.Code ?? KazakhstanRegions.FindByCode(hint.ToUpperInvariant())?.Code;
        return known is not null && _snapshot.RegionsByCode.ContainsKey(known) ? known : null;
    }

    public string? ByLocation(LonLat p) => _locator.TryLocate(p, out var code) ? code : null;
}
