using Dala.Geo;
using Dala.Geo.Terrain;
using Dala.Radio.Itm;
using Dala.Radio.Models;

namespace Dala.Radio.Coverage;

/// <summary>
/// Path loss for one site-to-place link with the run's model. ITM uses a terrain profile when the DEM covers the
/// whole path and area mode (with the configured delta h) otherwise. Hata-family models pick their variant from
/// the place's clutter. Below a model's minimum distance the loss at that minimum is used (a conservative loss).
/// </summary>
public sealed class PathLossProvider
{
    private readonly CoverageSettings _settings;
    private readonly ITerrain? _terrain;
    private readonly ItmPropagationModel _itmProfile;
    private readonly ItmPropagationModel _itmArea;

    public PathLossProvider(CoverageSettings settings, ITerrain? terrain)
    {
        if (!CoverageSettings.Models.Contains(settings.Model))
            throw new ArgumentException($"unknown model '{settings.Model}' (use {string.Join(", ", CoverageSettings.Models)})");
        _settings = settings;
        _terrain = terrain;
        _itmProfile = new ItmPropagationModel(settings.ItmEnvironment, settings.ItmVariability);
        _itmArea = new ItmPropagationModel(settings.ItmEnvironment, settings.ItmVariability, new ItmAreaTerrain(settings.TerrainIrregularityM));
    }

    /// <summary>The frequency range the model accepts, to check every sector before a run starts.</summary>
    public (double Min, double Max) FrequencyRangeMHz => _settings.Model switch
    {
        "hata" => (OkumuraHataModel.Frequency.Minimum, OkumuraHataModel.Frequency.Maximum),
        "cost231" => (Cost231HataModel.Frequency.Minimum, Cost231HataModel.Frequency.Maximum),
        "itm" => (20, 20_000),
        _ => (1, 100_000),
    };

    /// <returns>The loss in dB and whether a terrain profile was used.</returns>
    public (double LossDb, bool Terrain) LossDb(LonLat site, double mastM, LonLat place, double distanceKm, double frequencyMHz, Clutter clutter)
    {
        var km = Math.Max(distanceKm, 0.05);
        var rx = _settings.ReceiverHeightM;
        switch (_settings.Model)
        {
            case "hata":
                return (OkumuraHataModel.LossDb(frequencyMHz, Math.Max(km, 1), Math.Clamp(mastM, 30, 200), rx, clutter switch
                {
                    Clutter.Urban => HataEnvironment.SmallMediumCity,
                    Clutter.Suburban => HataEnvironment.Suburban,
                    _ => HataEnvironment.Open,
                }), false);
            case "cost231":
                return (Cost231HataModel.LossDb(frequencyMHz, Math.Max(km, 1), Math.Clamp(mastM, 30, 200), rx,
                    clutter == Clutter.Urban ? Cost231Environment.Metropolitan : Cost231Environment.MediumCitySuburban), false);
            case "freespace":
                return (FreeSpaceModel.LossDb(km, frequencyMHz), false);
        }
        if (_terrain is not null && distanceKm >= 0.1)
        {
            var profile = _terrain.Profile(site, place, _settings.ProfileStepM);
            if (profile.Covered)
            {
                var terrain = new TerrainProfile(profile.StepM, profile.HeightsM);
                return (_itmProfile.PathLoss(PathLossRequest.OverTerrain(terrain, frequencyMHz, mastM, rx)).LossDb, true);
            }
        }
        return (_itmArea.PathLoss(new PathLossRequest(frequencyMHz, Math.Max(km, 1), mastM, rx)).LossDb, false);
    }
}
