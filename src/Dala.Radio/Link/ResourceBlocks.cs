using System.Globalization;

namespace Dala.Radio.Link;

/// <summary>
/// Transmission bandwidth configuration N_RB (12 subcarriers each) per channel bandwidth: LTE from TS 36.101
/// Table 5.6-1, NR FR1 from TS 38.101-1 Table 5.3.2-1 (15 and 30 kHz subcarrier spacing). Other bandwidths throw.
/// </summary>
public static class ResourceBlocks
{
    public const int SubcarriersPerBlock = 12;

    private static readonly Dictionary<double, int> Lte = new() { [1.4] = 6, [3] = 15, [5] = 25, [10] = 50, [15] = 75, [20] = 100 };

    private static readonly Dictionary<double, int> Nr15 = new()
    {
        [5] = 25, [10] = 52, [15] = 79, [20] = 106, [25] = 133, [30] = 160, [40] = 216, [50] = 270,
    };

    private static readonly Dictionary<double, int> Nr30 = new()
    {
        [5] = 11, [10] = 24, [15] = 38, [20] = 51, [25] = 65, [30] = 78, [40] = 106, [50] = 133,
        [60] = 162, [70] = 189, [80] = 217, [90] = 245, [100] = 273,
    };

    /// <summary>N_RB for a channel of <paramref name="bandwidthMHz"/> at <paramref name="subcarrierSpacingKHz"/>.</summary>
    public static int Count(RadioTechnology technology, double bandwidthMHz, int subcarrierSpacingKHz)
    {
        var (table, source) = (technology, subcarrierSpacingKHz) switch
        {
            (RadioTechnology.Lte, 15) => (Lte, "LTE (TS 36.101 Table 5.6-1)"),
            (RadioTechnology.Nr, 15) => (Nr15, "NR at 15 kHz (TS 38.101-1 Table 5.3.2-1)"),
            (RadioTechnology.Nr, 30) => (Nr30, "NR at 30 kHz (TS 38.101-1 Table 5.3.2-1)"),
            _ => throw new ArgumentOutOfRangeException(nameof(subcarrierSpacingKHz), subcarrierSpacingKHz,
                $"{technology} with {subcarrierSpacingKHz} kHz subcarriers is not supported: LTE uses 15 kHz, NR here 15 or 30 kHz"),
        };
        if (table.TryGetValue(bandwidthMHz, out var n)) return n;
        var known = string.Join(", ", table.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        throw new ArgumentOutOfRangeException(nameof(bandwidthMHz), bandwidthMHz, $"{source} has no {bandwidthMHz.ToString(CultureInfo.InvariantCulture)} MHz channel; it has {known} MHz");
    }
}
