namespace Dala.Radio.Models;

/// <summary>The two area classes of COST-231 Hata and their correction C_m.</summary>
public enum Cost231Environment
{
    /// <summary>Medium-sized city and suburban centres with medium tree density: C_m = 0 dB.</summary>
    MediumCitySuburban = 0,

    /// <summary>Metropolitan centres: C_m = 3 dB.</summary>
    Metropolitan = 1,
}
