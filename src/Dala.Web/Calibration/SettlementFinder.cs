using Dala.Geo;
using Dala.Radio.Calibration;
using Dala.Radio.Coverage;
using Dala.Registry.Model;

namespace Dala.Web.Calibration;

/// <summary>The nearest settlement within <paramref name="maxKm"/> of a point (on a 0.1 degree grid), for SYNTHETIC tests' places.</summary>
public sealed class SettlementFinder(IReadOnlyList<Settlement> settlements, double maxKm = 5)
{
    private readonly SettlementGrid _grid = new(settlements, 0.1);

    public Settlement? Nearest(LonLat p) => _grid.Nearest(p, maxKm);

    /// <summary>For <see cref="SyntheticTruth.Generate"/>: the settlement, its region and clutter; no settlement: rural, no region.</summary>
    public (string? SettlementId, string? Region, Clutter? Clutter) Locate(LonLat at) =>
        Nearest(at) is { } s ? (s.Id, s.RegionCode, Clutters.Of(s.Kind)) : (null, null, Clutter.Rural);
}
