using Dala.Quality.Claims;
using Dala.Radio.Coverage;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Web.Predictions;

/// <summary>
/// The claim check's radio prediction over a coverage run (the latest): the predicted peak download of the layer that
/// serves the settlement, when that layer's technology is the claimed one (a claim above the peak cannot be delivered
/// even on an empty cell). A settlement the run predicts no service for gets 0; a technology the radio engine does not
/// predict (fibre, satellite, fixed wireless), a settlement outside the run, or no run at all: no prediction.
/// </summary>
public sealed class CoveragePrediction : IPredictedService
{
    private readonly Dictionary<string, TargetPrediction> _bySettlement;
    private readonly Dictionary<(string, string), Technology> _sectors;

    public CoveragePrediction(CoverageRun? run, RegistrySnapshot registry)
    {
        _bySettlement = run?.Settlements.ToDictionary(p => p.TargetId, StringComparer.Ordinal) ?? [];
        _sectors = registry.Sites.SelectMany(s => s.Sectors.Select(x => (Key: (s.Id, x.Id), x.Technology))).DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Technology);
    }

    public static CoveragePrediction Latest(ICoverageStore? coverage, RegistrySnapshot registry) => new(coverage?.LatestRun(), registry);

    public double? PredictedDownMbps(string settlementId, Technology technology)
    {
        if (technology is not (Technology.ThreeG or Technology.FourG or Technology.FiveG)) return null;
        if (!_bySettlement.TryGetValue(settlementId, out var p)) return null;
        if (!p.Covered || p.SiteId is null) return 0;
        if (p.SectorId is { } sector && _sectors.TryGetValue((p.SiteId, sector), out var served) && served != technology) return null;
        return p.PeakMbps ?? 0;
    }
}
