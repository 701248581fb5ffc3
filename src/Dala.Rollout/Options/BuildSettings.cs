using Dala.Radio.Coverage;

namespace Dala.Rollout.Options;

/// <summary>
/// How the options are drawn up: the region (null for the country), whether every customer must reach the target
/// rate (true when the last dated target asks 100% at >= 100 Mbps), offered candidate sites, and the radio settings.
/// </summary>
public sealed record BuildSettings
{
    public string? Region { get; init; }

    public bool MandatoryTarget { get; init; } = true;

    public IReadOnlyList<CandidateSite> Candidates { get; init; } = [];

    /// <summary>Put a candidate mast at every settlement to be served (besides the offered ones).</summary>
    public bool CandidateAtEverySettlement { get; init; } = true;

    /// <summary>Existing sites: the radio engine's defaults (ITM area mode without a DEM, 40 km search).</summary>
    public CoverageSettings Radio { get; init; } = new();

    /// <summary>How far a new mast or fixed-wireless radio is looked at for a settlement, km.</summary>
    public double NewSiteRadiusKm { get; init; } = 15;

    /// <summary>Proxy network: road length over straight line.</summary>
    public double Detour { get; init; } = Fibre.Proxy.ProxyNetwork.DefaultDetour;
}

/// <summary>
/// A place a new mast could go: a public building a regional administration offers, say. Imported from CSV
/// (<see cref="CandidateSiteCsv"/>); synthetic when the file says so.
/// </summary>
public sealed record CandidateSite(string Id, string? Name, Geo.LonLat Location, double MastM, double? CapexTenge, string Source, bool Synthetic);
