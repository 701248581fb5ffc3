namespace Dala.Radio.Itm;

/// <summary>
/// The quantiles ITM reports the loss at, and how their variabilities combine. Percentages are the fraction of
/// time / locations / situations in which the loss does not exceed the answer, each strictly between 0 and 100.
/// </summary>
/// <param name="TimePercent">Time variability quantile, % (the reliability in the confidence/reliability form).</param>
/// <param name="LocationPercent">Location variability quantile, % (50 in the confidence/reliability form).</param>
/// <param name="SituationPercent">Situation variability quantile, % (the confidence in the confidence/reliability form).</param>
/// <param name="Mode">How the variabilities combine.</param>
/// <param name="EliminateLocationVariability">Drop location variability (ITM's mdvar + 10), e.g. for a known receiver site.</param>
/// <param name="EliminateSituationVariability">Drop direct situation variability (ITM's mdvar + 20), as for interference studies.</param>
public readonly record struct ItmVariability(
    double TimePercent,
    double LocationPercent,
    double SituationPercent,
    VariabilityMode Mode,
    bool EliminateLocationVariability = false,
    bool EliminateSituationVariability = false)
{
    /// <summary>True when built by <see cref="ConfidenceReliability"/>: errors then speak of confidence and reliability.</summary>
    public bool IsConfidenceReliability { get; init; }

    /// <summary>ITM's mdvar code: mode + 10 without location variability + 20 without situation variability.</summary>
    public int Mdvar => (int)Mode + (EliminateLocationVariability ? 10 : 0) + (EliminateSituationVariability ? 20 : 0);

    /// <summary>Median time, location and situation in single-message mode.</summary>
    public static ItmVariability Median { get; } = new(50, 50, 50, VariabilityMode.SingleMessage);

    /// <summary>The confidence/reliability form: time = reliability, location = 50 %, situation = confidence.</summary>
    public static ItmVariability ConfidenceReliability(double confidencePercent, double reliabilityPercent, VariabilityMode mode = VariabilityMode.SingleMessage) =>
        new(reliabilityPercent, 50, confidencePercent, mode) { IsConfidenceReliability = true };

    /// <summary>The time/location/situation form with ITM's mdvar code (0..3, 10..13, 20..23, 30..33).</summary>
    public static ItmVariability FromMdvar(int mdvar, double timePercent, double locationPercent, double situationPercent)
    {
        if (!IsValidMdvar(mdvar))
            throw new ItmInputException(ItmError.Mdvar, nameof(mdvar), $"mdvar {mdvar} is not a mode of variability (0..3, plus 10 and/or 20)");
        return new(timePercent, locationPercent, situationPercent, (VariabilityMode)(mdvar % 10), mdvar % 20 >= 10, mdvar >= 20);
    }

    public static bool IsValidMdvar(int mdvar) => mdvar is >= 0 and <= 33 && mdvar % 10 <= 3;
}
