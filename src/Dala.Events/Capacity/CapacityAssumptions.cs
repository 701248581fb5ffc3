using Dala.Registry.Model;

namespace Dala.Events.Capacity;

/// <summary>
/// How the capacity at a place is worked out from the registry's sites. A sector serves the place when its site is within
/// <see cref="ReachKm"/> of the place's edge and it points at the place's centre within <see cref="HalfBeamDeg"/> (a site
/// inside the place serves with every sector; an omni sector always points at it). Its capacity is bandwidth x spectral
/// efficiency x (1 - existing load). Only 4G and 5G sectors are counted.
/// </summary>
public sealed record CapacityAssumptions
{
    /// <summary>
    /// km from the place's edge: 1.0, ASSUMPTION. ITU-R M.2412-0 (Table 5, Urban Macro) lays urban cells out 500 m apart, so a
    /// cell's edge is ~250-300 m from its mast; 1 km takes in the second ring of sites around a venue.
    /// </summary>
    public double ReachKm { get; init => field = value is >= 0 and <= 20 ? value : throw new ArgumentOutOfRangeException(nameof(ReachKm), value, "the reach must be within 0..20 km"); } = 1.0;

    /// <summary>Degrees either side of boresight: 60, the half of a 120-degree sector of a three-sector site.</summary>
    public double HalfBeamDeg { get; init => field = value is > 0 and <= 180 ? value : throw new ArgumentOutOfRangeException(nameof(HalfBeamDeg), value, "the half beam must be within (0, 180] degrees"); } = 60;

    /// <summary>
    /// 4G downlink spectral efficiency, bit/s/Hz per cell: 2.2, ITU-R M.2134 (2008), the IMT-Advanced minimum average cell
    /// spectral efficiency, base coverage urban.
    /// </summary>
    public double LteBitsPerHz { get; init => field = Positive(value, nameof(LteBitsPerHz)); } = 2.2;

    /// <summary>
    /// 5G downlink spectral efficiency, bit/s/Hz per cell: 7.8, ITU-R M.2410-0 (2017), the IMT-2020 minimum average spectral
    /// efficiency, dense urban eMBB.
    /// </summary>
    public double NrBitsPerHz { get; init => field = Positive(value, nameof(NrBitsPerHz)); } = 7.8;

    /// <summary>
    /// Share of a sector already taken by its everyday users: 0.5, ASSUMPTION (the coverage engine's interferer load,
    /// <c>CoverageSettings.InterfererLoad</c>: neighbours transmitting half the time).
    /// </summary>
    public double ExistingLoad { get; init => field = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(ExistingLoad), value, "the load must be within 0..1 (1 excluded)"); } = new Radio.Coverage.CoverageSettings().InterfererLoad;

    /// <summary>A carrier added to a serving sector, MHz of 4G: 20 (the widest LTE channel, 3GPP TS 36.101); it carries no existing load.</summary>
    public double ExtraCarrierMHz { get; init => field = Positive(value, nameof(ExtraCarrierMHz)); } = 20;

    /// <summary>Extra carriers per serving sector: 1 (ASSUMPTION: one spare carrier of spectrum per sector).</summary>
    public int MaxExtraCarriersPerSector { get; init => field = value is >= 0 and <= 8 ? value : throw new ArgumentOutOfRangeException(nameof(MaxExtraCarriersPerSector), value, "0..8"); } = 1;

    /// <summary>A cell on wheels (COW): 3 sectors of one 20 MHz 4G carrier each (ASSUMPTION: a common trailer build), no existing load.</summary>
    public int CowSectors { get; init => field = value is >= 1 and <= 12 ? value : throw new ArgumentOutOfRangeException(nameof(CowSectors), value, "1..12"); } = 3;

    public double CowCarrierMHz { get; init => field = Positive(value, nameof(CowCarrierMHz)); } = 20;

    public static CapacityAssumptions Default { get; } = new();

    /// <summary>bit/s/Hz of a sector's technology; null for technologies not counted.</summary>
    public double? BitsPerHz(Technology t) => t switch
    {
        Technology.FourG => LteBitsPerHz,
        Technology.FiveG => NrBitsPerHz,
        _ => null,
    };

    /// <summary>Mbit/s one extra carrier adds to one sector.</summary>
    public double ExtraCarrierMbps => ExtraCarrierMHz * LteBitsPerHz;

    /// <summary>Mbit/s one COW adds.</summary>
    public double CowMbps => CowSectors * CowCarrierMHz * LteBitsPerHz;

    private static double Positive(double v, string name) =>
        double.IsFinite(v) && v > 0 && v <= 1000 ? v : throw new ArgumentOutOfRangeException(name, v, "must be a positive number (at most 1000)");
}
