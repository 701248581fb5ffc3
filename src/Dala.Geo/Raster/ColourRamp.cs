using System.Globalization;

namespace Dala.Geo.Raster;

/// <summary>A value and the colour it gets; values between two stops blend linearly.</summary>
public readonly record struct ColourStop(double Value, Rgba Colour);

/// <summary>
/// Maps values to colours by linear interpolation (per channel, alpha included) between stops in ascending order.
/// Values below the first stop get its colour, above the last the last's; NaN is transparent.
/// </summary>
public sealed class ColourRamp
{
    /// <summary>RSRP in dBm: -120 red, -95 yellow, -70 green (RdYlGn-like, readable on a base map).</summary>
    public static readonly ColourRamp Rsrp = new([
        new ColourStop(-120, Rgba.FromHex("#d7191c")),
        new ColourStop(-95, Rgba.FromHex("#ffff00")),
        new ColourStop(-70, Rgba.FromHex("#1a9641")),
    ]);

    public ColourRamp(IEnumerable<ColourStop> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        Stops = stops.ToArray();
        if (Stops.Count < 2) throw new ArgumentException($"A colour ramp needs at least two stops, not {Stops.Count}", nameof(stops));
        for (var i = 0; i < Stops.Count; i++)
        {
            if (!double.IsFinite(Stops[i].Value))
                throw new ArgumentException($"Colour stop {i} has value {Stops[i].Value.ToString(CultureInfo.InvariantCulture)}; stops must be finite", nameof(stops));
            if (i > 0 && Stops[i].Value <= Stops[i - 1].Value)
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Colour stops must ascend strictly: {Stops[i].Value} follows {Stops[i - 1].Value}"), nameof(stops));
        }
    }

    public IReadOnlyList<ColourStop> Stops { get; }

    public double Minimum => Stops[0].Value;

    public double Maximum => Stops[^1].Value;

    public Rgba ColourOf(double value)
    {
        if (double.IsNaN(value)) return Rgba.Transparent;
        if (value <= Minimum) return Stops[0].Colour;
        if (value >= Maximum) return Stops[^1].Colour;
        var i = 1;
        while (Stops[i].Value < value) i++;
        var (lo, hi) = (Stops[i - 1], Stops[i]);
        var t = (value - lo.Value) / (hi.Value - lo.Value);
        return new Rgba(Mix(lo.Colour.R, hi.Colour.R, t), Mix(lo.Colour.G, hi.Colour.G, t),
            Mix(lo.Colour.B, hi.Colour.B, t), Mix(lo.Colour.A, hi.Colour.A, t));
    }

    /// <summary>A legend of this ramp's stops for a web map.</summary>
    public RasterLegend Legend(string title, string? unit, string noDataLabel = "no data") =>
        new(title, unit, Stops.Select(s => new LegendStop(s.Value, s.Colour.ToHex())).ToArray(), noDataLabel);

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t, MidpointRounding.AwayFromZero);
}
