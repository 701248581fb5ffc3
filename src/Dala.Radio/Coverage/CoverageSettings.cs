using Dala.Radio.Calibration;
using Dala.Radio.Itm;
using Dala.Radio.Link;

namespace Dala.Radio.Coverage;

/// <summary>
/// How a coverage run predicts: the propagation model, the receiver, the search radius and the thresholds.
/// Defaults are for rural planning: ITM at median variability, a handset at 1.5 m, sites within 40 km.
/// </summary>
public sealed record CoverageSettings
{
    /// <summary>itm (terrain profiles when a DEM covers the path, area mode otherwise), hata, cost231 or freespace.</summary>
    public string Model { get; init; } = "itm";

    public double SearchRadiusKm { get; init; } = 40;

    public double ReceiverHeightM { get; init; } = 1.5;

    /// <summary>Terrain profile step, m (SRTM 3" is about 90 m).</summary>
    public double ProfileStepM { get; init; } = 90;

    /// <summary>ITM area mode's terrain irregularity where no DEM covers a path, m (90 m: ITM's "rolling plains" to "hills" middle).</summary>
    public double TerrainIrregularityM { get; init; } = 90;

    public ItmEnvironment ItmEnvironment { get; init; } = ItmEnvironment.ContinentalTemperate;

    public ItmVariability ItmVariability { get; init; } = ItmVariability.Median;

    /// <summary>RSRP at or above which a place counts as covered, dBm.</summary>
    public double CoveredRsrpDbm { get; init; } = -110;

    /// <summary>Share of time co-channel neighbours transmit (their interference is scaled by it).</summary>
    public double InterfererLoad { get; init; } = 0.5;

    public ReceiverProfile Receiver { get; init; } = ReceiverProfile.Handset;

    public BusyHourAssumptions BusyHour { get; init; } = BusyHourAssumptions.Default;

    /// <summary>A calibration's terms added to the model's path loss per operator and clutter or region; null for the model as it is.</summary>
    public ModelCorrection? Correction { get; init; }

    public static readonly IReadOnlyList<string> Models = ["itm", "hata", "cost231", "freespace"];

    /// <summary>One line saying what the run assumed, stored with its results.</summary>
    public string Describe(bool terrain)
    {
        var calibration = Correction is { } c ? $"; calibration={c.CalibrationId} ({c.Grouping.WireName()})" : "";
        var how = Model != "itm" ? "" : terrain ? " (terrain profiles where the DEM covers the path)" : $" (area mode, delta h {TerrainIrregularityM} m)";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"model={Model}{how}; radius={SearchRadiusKm} km; rx height={ReceiverHeightM} m; covered at RSRP >= {CoveredRsrpDbm} dBm; " +
            $"interferer load={InterfererLoad}; busy hour: penetration {BusyHour.Penetration}, active share {BusyHour.BusyHourActiveShare}, target {BusyHour.TargetMbps} Mbit/s{calibration}");
    }
}
