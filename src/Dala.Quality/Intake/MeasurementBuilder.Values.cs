using System.Globalization;
using Dala.Quality.Model;

namespace Dala.Quality.Intake;

internal static partial class MeasurementBuilder
{
    private static double? Num(RawLine raw, string field, double min, double max, List<string> problems)
    {
        if (Parse(raw, field, problems) is not (_, var v)) return null;
        if (v < min || v > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: {v} is outside [{min}, {max}]"));
            return null;
        }
        return v;
    }

    private static (double? Down, double? Up) Speeds(RawLine raw, bool tile, List<string> p)
    {
        if (tile) return (Kbps(raw, "downKbps", p), Kbps(raw, "upKbps", p));
        var down = Mbps(raw, "down", p);
        var up = Mbps(raw, "up", p);
        if (raw["mlabMbps"] is not null)
        {
            var v = Mbps(raw, "mlabMbps", p);
            if (string.Equals(raw["direction"], "upload", StringComparison.OrdinalIgnoreCase)) up ??= v; else down ??= v;
        }
        return (down, up);
    }

    private static double? Mbps(RawLine raw, string field, List<string> p) => Speed(raw, field, 1, "Mbit/s", p);

    /// <summary>Ookla tiles give kbit/s; the value is converted first, so the plausibility limit is the same 100 Gbit/s.</summary>
    private static double? Kbps(RawLine raw, string field, List<string> p) => Speed(raw, field, 1000, "kbit/s", p);

    /// <summary>A speed in Mbit/s from a field given in <paramref name="unit"/> (<paramref name="perMbps"/> of them make one Mbit/s).</summary>
    private static double? Speed(RawLine raw, string field, double perMbps, string unit, List<string> p)
    {
        if (Parse(raw, field, p) is not (var text, var v)) return null;
        if (v < 0) { p.Add($"{field}: {text} {unit} is negative"); return null; }
        var mbps = v / perMbps;
        if (mbps > MaxMbps) { p.Add($"{field}: {text} {unit} is not plausible (more than 100 Gbit/s)"); return null; }
        return mbps;
    }

    /// <summary>The field's text and its finite number; null when the field is absent or (a problem) not a number.</summary>
    private static (string Text, double Value)? Parse(RawLine raw, string field, List<string> p)
    {
        if (raw[field] is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return (text, v);
        p.Add($"{field}: '{Clip(text)}' is not a number");
        return null;
    }

    private static DateTimeOffset? Time(RawLine raw, IntakeContext ctx, bool tile, List<string> p)
    {
        if (raw["time"] is not { } text)
        {
            if (tile && ctx.PeriodStart is { } start) return start;
            p.Add(tile ? "time: missing (Ookla tiles: give a time column or name the file YYYY-MM-DD_...)" : "time: missing");
            return null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            p.Add($"time: '{Clip(text)}' is not a date and time (ISO 8601)");
            return null;
        }
        if (t < Earliest || t > ctx.Clock.Now.AddDays(1))
        {
            p.Add($"time: {t:yyyy-MM-dd} is {(t < Earliest ? "before 2009" : "in the future")}");
            return null;
        }
        return t;
    }

    private static string? QuadkeyOf(RawLine raw, List<string> p)
    {
        if (raw["quadkey"] is not { } q) return null;
        try
        {
            Quadkey.ToTile(q);
            return q;
        }
        catch (FormatException e)
        {
            p.Add("quadkey: " + e.Message);
            return null;
        }
    }
}
