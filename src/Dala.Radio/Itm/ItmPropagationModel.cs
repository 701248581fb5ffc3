namespace Dala.Radio.Itm;

/// <summary>Terrain assumed by <see cref="ItmPropagationModel"/> for requests without a profile (ITM's area mode).</summary>
/// <param name="TerrainIrregularityM">Delta h, m: 0 water or flat, 30 plains, 90 average rolling terrain, 200 hills, 500 mountains.</param>
/// <param name="TxSiting">How carefully transmitters are sited.</param>
/// <param name="RxSiting">How carefully receivers are sited.</param>
public sealed record ItmAreaTerrain(double TerrainIrregularityM, SitingCriteria TxSiting = SitingCriteria.Random, SitingCriteria RxSiting = SitingCriteria.Random);

/// <summary>
/// ITM behind <see cref="IPropagationModel"/>: point-to-point mode when the request has a terrain profile, area mode
/// (with <see cref="AreaTerrain"/>) when it has not. Use <see cref="IrregularTerrainModel"/> directly for warnings and intermediate values.
/// </summary>
public sealed class ItmPropagationModel(ItmEnvironment environment, ItmVariability variability, ItmAreaTerrain? areaTerrain = null) : IPropagationModel
{
    public ItmEnvironment Environment { get; } = environment ?? throw new ArgumentNullException(nameof(environment));

    public ItmVariability Variability { get; } = variability;

    /// <summary>The terrain assumed without a profile; null to refuse such requests.</summary>
    public ItmAreaTerrain? AreaTerrain { get; } = areaTerrain;

    public PathLossResult PathLoss(PathLossRequest request) => Predict(request).ToPathLoss();

    /// <summary>The full ITM result for a generic request.</summary>
    public ItmResult Predict(PathLossRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terrain is { } terrain)
        {
            var profileKm = terrain.DistanceM / 1000.0;
            if (Math.Abs(profileKm - request.DistanceKm) > 1e-6 * Math.Max(1.0, profileKm))
                throw new ArgumentException(FormattableString.Invariant($"the request says {request.DistanceKm} km but its terrain profile is {profileKm} km long"), nameof(request));
            return IrregularTerrainModel.PointToPoint(new ItmPointToPointInput(terrain, request.TxHeightM, request.RxHeightM, request.FrequencyMHz, Environment, Variability));
        }

        var area = AreaTerrain ?? throw new ArgumentException("ITM needs a terrain profile, or an ItmAreaTerrain to assume in area mode", nameof(request));
        return IrregularTerrainModel.Area(new ItmAreaInput(request.DistanceKm, area.TerrainIrregularityM, request.TxHeightM, request.RxHeightM,
            area.TxSiting, area.RxSiting, request.FrequencyMHz, Environment, Variability));
    }
}
