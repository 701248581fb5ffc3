using Dala.Radio.Coverage;

namespace Dala.Radio.Calibration;

/// <summary>What the model's tunable terms are fitted per: operator x clutter class, or operator x region.</summary>
public enum CalibrationGrouping
{
    OperatorClutter,
    OperatorRegion,
}

public static class CalibrationGroupings
{
    public static readonly IReadOnlyList<string> Names = ["operator-clutter", "operator-region"];

    public static string WireName(this CalibrationGrouping g) => g == CalibrationGrouping.OperatorRegion ? "operator-region" : "operator-clutter";

    public static CalibrationGrouping? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "operator-clutter" => CalibrationGrouping.OperatorClutter,
        "operator-region" => CalibrationGrouping.OperatorRegion,
        _ => null,
    };

    /// <summary>The class half of a group: the clutter class ("rural", "suburban", "urban") or the region code ("?" when unknown).</summary>
    public static string ClassOf(this CalibrationGrouping g, Clutter clutter, string? region) =>
        g == CalibrationGrouping.OperatorRegion ? region ?? "?" : clutter.ToString().ToLowerInvariant();

    /// <summary>The group key, "operator|class".</summary>
    public static string Key(this CalibrationGrouping g, string op, Clutter clutter, string? region) => op + "|" + g.ClassOf(clutter, region);

    /// <summary>log10 of the distance in km, clamped at 0.1 km (the same in fitting and applying).</summary>
    public static double LogKm(double km) => Math.Log10(Math.Max(km, 0.1));
}
