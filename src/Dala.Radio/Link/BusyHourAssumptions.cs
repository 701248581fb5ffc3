namespace Dala.Radio.Link;

/// <summary>
/// Every assumption of the busy-hour check in one place. The defaults are Dala's planning assumptions, not standards:
/// change them per study and say so.
/// </summary>
public sealed record BusyHourAssumptions
{
    /// <summary>Share of the population that subscribes to the served network: 0.7 (mobile broadband take-up in a served village).</summary>
    public double Penetration { get; init => field = Share(value, nameof(Penetration)); } = 0.7;

    /// <summary>
    /// Share of subscribers transferring data at the same moment in the busy hour: 0.05 (1 in 20). A dimensioning
    /// assumption: raise it for fixed-wireless homes, which stream for longer than handsets.
    /// </summary>
    public double BusyHourActiveShare { get; init => field = Share(value, nameof(BusyHourActiveShare)); } = 0.05;

    /// <summary>Highest rate one user can take (device category, plan cap), Mbit/s; infinity for no cap beyond the cell.</summary>
    public double PeakUserRateMbps { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(PeakUserRateMbps), value, "the peak user rate must be a positive number of Mbit/s"); } = double.PositiveInfinity;

    /// <summary>The programme's target per user at the busy hour, Mbit/s: 100.</summary>
    public double TargetMbps { get; init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(TargetMbps), value, "the target must be a positive number of Mbit/s"); } = 100;

    public static BusyHourAssumptions Default { get; } = new();

    private static double Share(double value, string name) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "a share must be within 0..1");
}
