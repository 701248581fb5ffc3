namespace Dala.Radio.Models;

/// <summary>
/// COST-231 Hata, the extension of Okumura-Hata to 1500..2000 MHz (COST Action 231 final report, "Digital mobile radio
/// towards future generation systems", EUR 18957, 1999, ch. 4):
/// L = 46.3 + 33.9 log f - 13.82 log h_b - a(h_m) + (44.9 - 6.55 log h_b) log d + C_m, with Hata's small/medium-city
/// a(h_m) and C_m = 0 dB (medium city, suburban) or 3 dB (metropolitan). Inputs outside 1500..2000 MHz, 1..20 km,
/// base 30..200 m, mobile 1..10 m throw <see cref="ModelValidityException"/>. The request's transmitter is the base station.
/// Like <see cref="OkumuraHataModel"/>, the loss is never below free space.
/// </summary>
public sealed class Cost231HataModel(Cost231Environment environment) : IPropagationModel
{
    public const string Name = "COST-231 Hata";

    public static readonly ValidityRange Frequency = new("frequency", nameof(PathLossRequest.FrequencyMHz), 1500, 2000, "MHz");
    public static readonly ValidityRange Distance = OkumuraHataModel.Distance;
    public static readonly ValidityRange BaseHeight = OkumuraHataModel.BaseHeight;
    public static readonly ValidityRange MobileHeight = OkumuraHataModel.MobileHeight;

    public Cost231Environment Environment { get; } = Enum.IsDefined(environment)
        ? environment
        : throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a COST-231 environment");

    /// <summary>The median loss, never below free space; a warning says when the formula fell below it.</summary>
    public PathLossResult PathLoss(PathLossRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var formula = FormulaLossDb(request.FrequencyMHz, request.DistanceKm, request.TxHeightM, request.RxHeightM, Environment);
        return FreeSpaceFloor.Apply(formula, request, $"{Name} ({Environment})");
    }

    /// <summary>Median loss, dB, for f in MHz, d in km, heights in m: the formula, but never below the free-space loss.</summary>
    public static double LossDb(double frequencyMHz, double distanceKm, double baseHeightM, double mobileHeightM, Cost231Environment environment) =>
        Math.Max(FormulaLossDb(frequencyMHz, distanceKm, baseHeightM, mobileHeightM, environment), FreeSpaceModel.LossDb(distanceKm, frequencyMHz));

    /// <summary>The published formula as it stands, dB; inside the validity ranges it can still fall below free space (tall masts, short paths, open areas).</summary>
    public static double FormulaLossDb(double frequencyMHz, double distanceKm, double baseHeightM, double mobileHeightM, Cost231Environment environment)
    {
        Frequency.Check(Name, frequencyMHz);
        Distance.Check(Name, distanceKm);
        BaseHeight.Check(Name, baseHeightM);
        MobileHeight.Check(Name, mobileHeightM);
        var cm = environment switch
        {
            Cost231Environment.MediumCitySuburban => 0.0,
            Cost231Environment.Metropolitan => 3.0,
            _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a COST-231 environment"),
        };
        return 46.3 + 33.9 * Math.Log10(frequencyMHz) + HataTerms.HeightAndDistance(baseHeightM, distanceKm)
            - HataTerms.SmallMediumCityMobileCorrection(frequencyMHz, mobileHeightM) + cm;
    }
}
