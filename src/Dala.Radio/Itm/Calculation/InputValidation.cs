namespace Dala.Radio.Itm.Calculation;

/// <summary>The checks common to both modes, in NTIA's order: hard limits throw, soft limits set warnings.</summary>
internal static class InputValidation
{
    public static ItmWarnings Common(double txHeightM, double rxHeightM, double frequencyMHz, ItmEnvironment environment, ItmVariability variability)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var ground = environment.Ground;
        var n0 = environment.SurfaceRefractivityN0;
        Finite(txHeightM, "tx height"); Finite(rxHeightM, "rx height"); Finite(frequencyMHz, "frequency"); Finite(n0, "N_0");
        Finite(ground.RelativePermittivity, "epsilon"); Finite(ground.ConductivitySPerM, "sigma");
        Finite(variability.TimePercent, "time"); Finite(variability.LocationPercent, "location"); Finite(variability.SituationPercent, "situation");

        var warnings = ItmWarnings.None;
        if (txHeightM is < 1.0 or > 1000.0) warnings |= ItmWarnings.TxTerminalHeight;
        if (txHeightM is < 0.5 or > 3000.0)
            Fail(ItmError.TxTerminalHeight, "TxHeightM", $"transmitter height {txHeightM} m is outside 0.5..3000 m");
        if (rxHeightM is < 1.0 or > 1000.0) warnings |= ItmWarnings.RxTerminalHeight;
        if (rxHeightM is < 0.5 or > 3000.0)
            Fail(ItmError.RxTerminalHeight, "RxHeightM", $"receiver height {rxHeightM} m is outside 0.5..3000 m");
        if (!Enum.IsDefined(environment.Climate))
            Fail(ItmError.InvalidRadioClimate, "Climate", $"radio climate {(int)environment.Climate} is not 1..7");
        if (n0 is < 250 or > 400)
            Fail(ItmError.Refractivity, "SurfaceRefractivityN0", $"surface refractivity N_0 = {n0} is outside 250..400 N-units");
        if (frequencyMHz is < 40.0 or > 10000.0) warnings |= ItmWarnings.Frequency;
        if (frequencyMHz is < 20 or > 20000)
            Fail(ItmError.Frequency, "FrequencyMHz", $"frequency {frequencyMHz} MHz is outside 20..20,000 MHz");
        if (!Enum.IsDefined(environment.Polarization))
            Fail(ItmError.Polarization, "Polarization", $"polarization {(int)environment.Polarization} is not 0 (horizontal) or 1 (vertical)");
        if (ground.RelativePermittivity < 1)
            Fail(ItmError.Epsilon, "RelativePermittivity", $"relative permittivity {ground.RelativePermittivity} is below 1");
        if (ground.ConductivitySPerM <= 0)
            Fail(ItmError.Sigma, "ConductivitySPerM", $"conductivity {ground.ConductivitySPerM} S/m is not positive");
        if (!Enum.IsDefined(variability.Mode))
            Fail(ItmError.Mdvar, "Mode", $"variability mode {(int)variability.Mode} is not 0..3");

        var cr = variability.IsConfidenceReliability;
        Percent(variability.SituationPercent, cr ? ItmError.InvalidConfidence : ItmError.InvalidSituation, cr ? "confidence" : "situation");
        Percent(variability.TimePercent, cr ? ItmError.InvalidReliability : ItmError.InvalidTime, cr ? "reliability" : "time");
        Percent(variability.LocationPercent, ItmError.InvalidLocation, "location");
        return warnings;
    }

    public static void Finite(double value, string what)
    {
        if (!double.IsFinite(value)) Fail(ItmError.NotFinite, what, $"{what} is {value}, not a finite number");
    }

    private static void Percent(double value, ItmError error, string what)
    {
        if (value is <= 0 or >= 100) Fail(error, what, $"{what} {value} % is not strictly between 0 and 100");
    }

    public static void Fail(ItmError error, string? paramName, FormattableString message) =>
        throw new ItmInputException(error, paramName, FormattableString.Invariant(message));
}
