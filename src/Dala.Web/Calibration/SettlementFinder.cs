using Dala.Geo;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Web.Calibration;

/// <summary>The nearest settlement within <paramref name="maxKm"/> of a point (on a 0.1 degree grid), for SYNTHETIC tests' places.</summary>
public sealed class SettlementFinder(IReadOnlyList<Settlement> settlements, double maxKm = 5)
{
    private const double Cell = 0.1;
    private readonly ILookup<(int, int), Settlement> _grid = settlements.ToLookup(s => Key(s.Location));

    private static (int, int) Key(LonLat p) => ((int)Math.Floor(p.Lon / Cell), (int)Math.Floor(p.Lat / Cell));

    public Settlement? Nearest(LonLat p)
    {
        var (x, y) = Key(p);
        Settlement? best = null;
        var bestKm = maxKm;
        for (var i = -1; i <= 1; i++)
        for (var j = -1; j <= 1; j++)
            foreach (var s in _grid[(x + i, y + j)])
            {
                var km = GeoMath.DistanceKm(p, s.Location);
                if (km <= bestKm && (best is null || km < bestKm || string.CompareOrdinal(s.Id, best.Id) < 0)) (best, bestKm) = (s, km);
            }
        return best;
    }

    /// <summary>For <see cref="SyntheticTruth.Generate"/>: the settlement, its region and clutter; no settlement: rural, no region.</summary>
    public (string? SettlementId, string? Region, Clutter? Clutter) Locate(LonLat at) =>
        Nearest(at) is { } s ? (s.Id, s.RegionCode, Clutters.Of(s.Kind)) : (null, null, Clutter.Rural);
}
