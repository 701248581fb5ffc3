namespace Dala.Radio.Itm;

/// <summary>Why ITM refused to compute (numbered as NTIA's ITM return codes).</summary>
public enum ItmError
{
    TxTerminalHeight = 1000,
    RxTerminalHeight = 1001,
    InvalidRadioClimate = 1002,
    InvalidTime = 1003,
    InvalidLocation = 1004,
    InvalidSituation = 1005,
    InvalidConfidence = 1006,
    InvalidReliability = 1007,
    Refractivity = 1008,
    Frequency = 1009,
    Polarization = 1010,
    Epsilon = 1011,
    Sigma = 1012,
    GroundImpedance = 1013,
    Mdvar = 1014,
    EffectiveEarth = 1016,
    PathDistance = 1017,
    DeltaH = 1018,
    TxSitingCriteria = 1019,
    RxSitingCriteria = 1020,
    SurfaceRefractivitySmall = 1021,
    SurfaceRefractivityLarge = 1022,

    /// <summary>Not an NTIA code: a NaN or infinite input, which ITM would silently turn into a wrong number.</summary>
    NotFinite = 1100,
}

/// <summary>An input outside ITM's validity: no loss is given. <see cref="Error"/> says which rule was broken.</summary>
public sealed class ItmInputException(ItmError error, string? paramName, string reason)
    : ArgumentException($"ITM error {(int)error} ({error}): {reason}", paramName)
{
    public ItmError Error { get; } = error;

    /// <summary>The broken rule in words, e.g. "frequency 10 MHz is outside 20..20,000 MHz" (the message adds code and parameter).</summary>
    public string Reason { get; } = reason;
}
