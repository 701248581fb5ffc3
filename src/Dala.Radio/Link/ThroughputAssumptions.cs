namespace Dala.Radio.Link;

/// <summary>What turns spectral efficiency into cell throughput.</summary>
public sealed record ThroughputAssumptions
{
    /// <param name="mapping">SINR to bit/s/Hz per layer.</param>
    /// <param name="mimoLayers">Spatial layers (2 for 2x2 LTE, 4 for 4x4 NR), 1..8.</param>
    /// <param name="overheadFraction">Share of resources not carrying user data (control, reference signals, guard periods), 0..1; 0.25 by default.</param>
    public ThroughputAssumptions(ISpectralEfficiencyMapping mapping, int mimoLayers, double overheadFraction = 0.25)
    {
        Mapping = mapping;
        MimoLayers = mimoLayers;
        OverheadFraction = overheadFraction;
    }

    /// <summary>LTE: TR 36.942 mapping, 2 layers, 25 % overhead.</summary>
    public static ThroughputAssumptions Lte { get; } = new(AttenuatedShannon.Lte, 2);

    /// <summary>NR: Dala's NR mapping, 4 layers, 25 % overhead.</summary>
    public static ThroughputAssumptions Nr { get; } = new(AttenuatedShannon.Nr, 4);

    public ISpectralEfficiencyMapping Mapping { get; init => field = value ?? throw new ArgumentNullException(nameof(Mapping)); }

    public int MimoLayers { get; init => field = value is >= 1 and <= 8 ? value : throw new ArgumentOutOfRangeException(nameof(MimoLayers), value, "MIMO layers must be 1..8"); }

    public double OverheadFraction { get; init => field = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(OverheadFraction), value, "the overhead must be within 0..1 (1 excluded)"); }

    public static ThroughputAssumptions For(RadioTechnology technology) => technology switch
    {
        RadioTechnology.Lte => Lte,
        RadioTechnology.Nr => Nr,
        _ => throw new ArgumentOutOfRangeException(nameof(technology), technology, "not a radio technology"),
    };
}
