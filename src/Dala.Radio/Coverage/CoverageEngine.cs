using Dala.Geo;
using Dala.Geo.Terrain;
using Dala.Radio.Link;
using RegistrySite = Dala.Registry.Model.Site;

namespace Dala.Radio.Coverage;

/// <summary>
/// Predicts service at places from a set of sites: for every carrier layer (frequency) heard within the search
/// radius, the best server by RSRP, its SINR against the co-channel sectors around it plus noise, the peak cell
/// throughput at that SINR, and the busy-hour rate for the place's population. The layer with the best
/// throughput serves the place. Path loss is computed once per site and frequency.
/// </summary>
public sealed partial class CoverageEngine
{
    private readonly SiteIndex _index;
    private readonly PathLossProvider _loss;
    private readonly CoverageSettings _settings;
    private readonly ITerrain? _terrain;
    private readonly Dictionary<(string Site, string Sector), Sector> _sectors = [];

    public CoverageEngine(IReadOnlyList<RegistrySite> sites, ITerrain? terrain, CoverageSettings settings, PatternLibrary patterns)
    {
        _settings = settings;
        _terrain = terrain;
        _loss = new PathLossProvider(settings, terrain);
        var (min, max) = _loss.FrequencyRangeMHz;
        foreach (var site in sites)
        {
            foreach (var s in site.Sectors)
            {
                if (s.FrequencyMHz < min || s.FrequencyMHz > max)
                    throw new ArgumentException(FormattableString.Invariant(
                        $"site {site.Id} sector {s.Id}: {s.FrequencyMHz} MHz is outside the {settings.Model} model's range {min}..{max} MHz"));
                _sectors[(site.Id, s.Id)] = new Sector(CarrierOf(s), s.EirpDbm, patterns.Get(s.Pattern), s.AzimuthDeg, s.TiltDeg);
            }
        }
        _index = new SiteIndex(sites.Where(s => s.Sectors.Count > 0));
        Sites = sites.Count;
    }

    public int Sites { get; }

    /// <summary>The carrier of a registry sector: NR for 5G, LTE otherwise.</summary>
    public static Carrier CarrierOf(Registry.Model.Sector s) => s.Technology == Registry.Model.Technology.FiveG
        ? Carrier.Nr(s.FrequencyMHz, s.BandwidthMHz) : Carrier.Lte(s.FrequencyMHz, s.BandwidthMHz);

    public CoverageSettings Settings => _settings;

    /// <summary>Predictions for many places, in parallel, in the order given.</summary>
    public TargetPrediction[] PredictAll(IReadOnlyList<CoverageTarget> targets, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var results = new TargetPrediction[targets.Count];
        var done = 0;
        Parallel.For(0, targets.Count, new ParallelOptions { CancellationToken = cancel }, i =>
        {
            results[i] = Predict(targets[i]);
            var n = Interlocked.Increment(ref done);
            if (n % 200 == 0 || n == targets.Count) progress?.Report(n);
        });
        return results;
    }

    /// <summary>The best RSRP at a place (dBm), or NaN where no site is within range: for rasters and roads.</summary>
    public double BestRsrpDbm(LonLat place) => Predict(new CoverageTarget("", place, null, Clutter.Rural)).RsrpDbm ?? double.NaN;

    private double? GroundAt(LonLat p) => _terrain?.HeightAt(p);
}
