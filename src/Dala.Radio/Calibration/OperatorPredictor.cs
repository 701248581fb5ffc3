using Dala.Geo;
using Dala.Radio.Coverage;
using Dala.Radio.Link;
using Dala.Registry.Model;
using RegistrySite = Dala.Registry.Model.Site;

namespace Dala.Radio.Calibration;

/// <summary>What the model predicts at a test's place from its operator's sectors of its access technology.</summary>
public sealed record OperatorPrediction(TargetPrediction Prediction, Carrier Carrier, double DistanceKm);

/// <summary>
/// Predicts at a place from one operator's sectors of one technology (4G: LTE sectors, 5G: NR sectors), with the run's
/// settings: one coverage engine per operator and technology, built when first asked.
/// </summary>
public sealed class OperatorPredictor(IReadOnlyList<RegistrySite> sites, CoverageSettings settings, PatternLibrary patterns, Geo.Terrain.ITerrain? terrain = null)
{
    private readonly Dictionary<(string, Technology), (CoverageEngine? Engine, Dictionary<string, RegistrySite> Sites)> _engines = [];
    private readonly Lock _gate = new();

    public CoverageSettings Settings => settings;

    /// <summary>True for the access technologies a prediction exists for (4G, 5G).</summary>
    public static bool IsRadio(Technology? t) => t is Technology.FourG or Technology.FiveG;

    /// <summary>The prediction at <paramref name="at"/>, or null when the operator has no sector of that technology in range.</summary>
    public OperatorPrediction? Predict(string op, Technology access, LonLat at, Clutter clutter, string? region, string id = "")
    {
        var (engine, byId) = EngineFor(op, access);
        if (engine is null) return null;
        var p = engine.Predict(new CoverageTarget(id, at, null, clutter, region));
        if (p.SiteId is null || p.RsrpDbm is null || p.SinrDb is null) return null;
        var site = byId[p.SiteId];
        var sector = site.Sectors.First(s => s.Id == p.SectorId);
        return new OperatorPrediction(p, CoverageEngine.CarrierOf(sector), GeoMath.DistanceKm(site.Location, at));
    }

    private (CoverageEngine?, Dictionary<string, RegistrySite>) EngineFor(string op, Technology access)
    {
        lock (_gate)
        {
            if (_engines.TryGetValue((op, access), out var known)) return known;
            var mine = sites.Where(s => s.OperatorId == op)
                .Select(s => s with { Sectors = s.Sectors.Where(x => x.Technology == access).ToList() })
                .Where(s => s.Sectors.Count > 0).ToList();
            var made = (mine.Count == 0 ? null : new CoverageEngine(mine, terrain, settings, patterns), mine.ToDictionary(s => s.Id, StringComparer.Ordinal));
            _engines[(op, access)] = made;
            return made;
        }
    }
}
