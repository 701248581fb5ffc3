namespace Dala.Radio.Models;

/// <summary>
/// Okumura-Hata median basic transmission loss (Hata 1980, eqs. for urban, suburban and open areas), behind
/// <see cref="IPropagationModel"/>. The request's transmitter is the base station, its receiver the mobile; terrain is ignored.
/// Suburban and open areas correct the small/medium-city urban loss, as in Hata's paper. Inputs outside
/// 150..1500 MHz, 1..20 km, base 30..200 m and mobile 1..10 m throw <see cref="ModelValidityException"/>, and so does a
/// large city between 200 and 400 MHz, where Hata gives no mobile-antenna correction. Inside those ranges the open
/// and suburban formulas can still fall below free space (tall masts, tall receivers, short paths): the loss is then
/// floored at free space, with a warning in <see cref="PathLossResult.Warnings"/>.
/// </summary>
public sealed class OkumuraHataModel(HataEnvironment environment) : IPropagationModel
{
    public const string Name = "Okumura-Hata";

    public static readonly ValidityRange Frequency = new("frequency", nameof(PathLossRequest.FrequencyMHz), 150, 1500, "MHz");
    public static readonly ValidityRange Distance = new("distance", nameof(PathLossRequest.DistanceKm), 1, 20, "km");
    public static readonly ValidityRange BaseHeight = new("base station antenna height", nameof(PathLossRequest.TxHeightM), 30, 200, "m");
    public static readonly ValidityRange MobileHeight = new("mobile antenna height", nameof(PathLossRequest.RxHeightM), 1, 10, "m");

    public HataEnvironment Environment { get; } = Enum.IsDefined(environment)
        ? environment
        : throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a Hata environment");

    /// <summary>The median loss, never below free space; a warning says when the formula fell below it.</summary>
    public PathLossResult PathLoss(PathLossRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var formula = FormulaLossDb(request.FrequencyMHz, request.DistanceKm, request.TxHeightM, request.RxHeightM, Environment);
        return FreeSpaceFloor.Apply(formula, request, $"{Name} ({Environment})");
    }

    /// <summary>Median loss, dB, for f in MHz, d in km, heights in m: the formula, but never below the free-space loss.</summary>
    public static double LossDb(double frequencyMHz, double distanceKm, double baseHeightM, double mobileHeightM, HataEnvironment environment) =>
        Math.Max(FormulaLossDb(frequencyMHz, distanceKm, baseHeightM, mobileHeightM, environment), FreeSpaceModel.LossDb(distanceKm, frequencyMHz));

    /// <summary>The published formula as it stands, dB; inside the validity ranges it can still fall below free space (tall masts, short paths, open areas).</summary>
    public static double FormulaLossDb(double frequencyMHz, double distanceKm, double baseHeightM, double mobileHeightM, HataEnvironment environment)
    {
        Frequency.Check(Name, frequencyMHz);
        Distance.Check(Name, distanceKm);
        BaseHeight.Check(Name, baseHeightM);
        MobileHeight.Check(Name, mobileHeightM);

        var logF = Math.Log10(frequencyMHz);
        var withoutMobile = 69.55 + 26.16 * logF + HataTerms.HeightAndDistance(baseHeightM, distanceKm);
        var urbanSmall = withoutMobile - HataTerms.SmallMediumCityMobileCorrection(frequencyMHz, mobileHeightM);
        return environment switch
        {
            HataEnvironment.SmallMediumCity => urbanSmall,
            HataEnvironment.LargeCity => withoutMobile - LargeCityCorrection(frequencyMHz, mobileHeightM),
            HataEnvironment.Suburban => urbanSmall - 2.0 * HataTerms.Square(Math.Log10(frequencyMHz / 28.0)) - 5.4,
            HataEnvironment.Open => urbanSmall - 4.78 * logF * logF + 18.33 * logF - 40.94,
            _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a Hata environment"),
        };
    }

    private static double LargeCityCorrection(double frequencyMHz, double mobileHeightM)
    {
        if (frequencyMHz <= 200) return HataTerms.LargeCityLowBandCorrection(mobileHeightM);
        if (frequencyMHz >= 400) return HataTerms.LargeCityHighBandCorrection(mobileHeightM);
        throw new ModelValidityException(Name + " (large city)", "frequency", nameof(PathLossRequest.FrequencyMHz), frequencyMHz, "MHz",
            "150..200 or 400..1500 MHz (Hata gives no large-city mobile-antenna correction between 200 and 400 MHz)");
    }
}
