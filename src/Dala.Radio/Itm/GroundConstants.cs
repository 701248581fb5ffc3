namespace Dala.Radio.Itm;

/// <summary>Electrical constants of the ground.</summary>
/// <param name="RelativePermittivity">Relative permittivity epsilon (>= 1).</param>
/// <param name="ConductivitySPerM">Conductivity sigma, S/m (> 0).</param>
public readonly record struct GroundConstants(double RelativePermittivity, double ConductivitySPerM)
{
    /// <summary>The values the ITM documentation suggests when nothing better is known.</summary>
    public static GroundConstants Average { get; } = new(15, 0.005);

    public static GroundConstants Poor { get; } = new(4, 0.001);

    public static GroundConstants Good { get; } = new(25, 0.020);

    public static GroundConstants FreshWater { get; } = new(81, 0.010);

    public static GroundConstants SeaWater { get; } = new(81, 5.0);
}
