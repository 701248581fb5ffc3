namespace Dala.Radio.Link;

/// <summary>The radio access technology of a carrier.</summary>
public enum RadioTechnology
{
    /// <summary>4G E-UTRA (LTE), 15 kHz subcarriers.</summary>
    Lte = 0,

    /// <summary>5G NR, FR1 (15 or 30 kHz subcarriers here).</summary>
    Nr = 1,
}
