using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Quality.Intake;

/// <summary>
/// Puts a measurement on the registry: the region whose polygon holds its point, and the nearest settlement
/// within <see cref="SettlementRadiusKm"/>; or, given a settlement, that settlement's region.
/// </summary>
public sealed class Placement
{
    public const double SettlementRadiusKm = 3;
    private const double Cell = 0.05;
    private readonly PolygonLocator<string> _regions;
    private readonly Dictionary<(int, int), List<Settlement>> _grid = [];
    private readonly IReadOnlyDictionary<string, Settlement> _byId;

    public Placement(RegistrySnapshot snapshot)
    {
        _regions = new PolygonLocator<string>(snapshot.Regions.Where(r => r.Area is not null)
            .OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Area!)));
        _byId = snapshot.SettlementsById;
        foreach (var s in snapshot.Settlements)
        {
            var k = Key(s.Location);
            if (!_grid.TryGetValue(k, out var list)) _grid[k] = list = [];
            list.Add(s);
        }
    }

    public Settlement? SettlementById(string id) => _byId.GetValueOrDefault(id);

    public string? RegionAt(LonLat p) => _regions.TryLocate(p, out var code) ? code : null;

    public Settlement? NearestSettlement(LonLat p)
    {
        var (cx, cy) = Key(p);
        Settlement? best = null;
        var bestKm = SettlementRadiusKm;
        for (var dx = -1; dx <= 1; dx++)
        for (var dy = -1; dy <= 1; dy++)
        {
            if (!_grid.TryGetValue((cx + dx, cy + dy), out var list)) continue;
            foreach (var s in list)
            {
                var km = GeoMath.DistanceKm(p, s.Location);
                if (km < bestKm || (km == bestKm && best is not null && string.CompareOrdinal(s.Id, best.Id) < 0)) { best = s; bestKm = km; }
            }
        }
        return best;
    }

    private static (int, int) Key(LonLat p) => ((int)Math.Floor(p.Lon / Cell), (int)Math.Floor(p.Lat / Cell));
}
