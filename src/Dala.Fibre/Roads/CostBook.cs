namespace Dala.Fibre.Roads;

/// <summary>
/// Cost of building fibre per km, in tenge (KZT), by <see cref="CostClass"/>. Values must be finite and not
/// negative. <see cref="Default"/> holds ILLUSTRATIVE ASSUMPTIONS, not quotes: replace them with contract
/// prices before any real plan.
/// </summary>
public sealed record CostBook
{
    private readonly double _pavedRoad, _minorRoad, _track, _rail, _connector;

    public CostBook(double pavedRoadPerKm, double minorRoadPerKm, double trackPerKm, double railPerKm, double connectorPerKm)
    {
        PavedRoadPerKm = pavedRoadPerKm;
        MinorRoadPerKm = minorRoadPerKm;
        TrackPerKm = trackPerKm;
        RailPerKm = railPerKm;
        ConnectorPerKm = connectorPerKm;
    }

    /// <summary>
    /// Assumed (illustrative) tenge per km: 5.0 M for a trench in a paved main road's verge (permits, crossings,
    /// reinstatement); 3.5 M along minor roads; 2.0 M for aerial cable on poles along tracks; 3.0 M in a railway
    /// right of way; 6.0 M for a straight cross-country connector (no access road; the straight line understates
    /// the real length).
    /// </summary>
    public static CostBook Default { get; } = new(5_000_000, 3_500_000, 2_000_000, 3_000_000, 6_000_000);

    public double PavedRoadPerKm { get => _pavedRoad; init => _pavedRoad = Check(value, nameof(PavedRoadPerKm)); }

    public double MinorRoadPerKm { get => _minorRoad; init => _minorRoad = Check(value, nameof(MinorRoadPerKm)); }

    public double TrackPerKm { get => _track; init => _track = Check(value, nameof(TrackPerKm)); }

    public double RailPerKm { get => _rail; init => _rail = Check(value, nameof(RailPerKm)); }

    public double ConnectorPerKm { get => _connector; init => _connector = Check(value, nameof(ConnectorPerKm)); }

    public double PerKm(CostClass c) => c switch
    {
        CostClass.PavedRoad => PavedRoadPerKm,
        CostClass.MinorRoad => MinorRoadPerKm,
        CostClass.Track => TrackPerKm,
        CostClass.Rail => RailPerKm,
        CostClass.Connector => ConnectorPerKm,
        _ => throw new ArgumentOutOfRangeException(nameof(c), $"unknown cost class {(int)c}"),
    };

    public double PerKm(RoadClass road) => PerKm(road.CostClass());

    private static double Check(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "a cost per km must be finite and not negative");
}
