namespace Dala.Radio.Itm;

/// <summary>The radio environment of a path: climate, atmosphere, ground and polarization.</summary>
/// <param name="Climate">Radio climate.</param>
/// <param name="SurfaceRefractivityN0">Surface refractivity N_0 reduced to sea level, N-units (250..400).</param>
/// <param name="Ground">Ground permittivity and conductivity.</param>
/// <param name="Polarization">Antenna polarization.</param>
public sealed record ItmEnvironment(RadioClimate Climate, double SurfaceRefractivityN0, GroundConstants Ground, Polarization Polarization)
{
    /// <summary>Continental temperate climate (Kazakhstan's steppe), N_0 = 301, average ground, vertical polarization.</summary>
    public static ItmEnvironment ContinentalTemperate { get; } =
        new(RadioClimate.ContinentalTemperate, 301, GroundConstants.Average, Polarization.Vertical);
}
