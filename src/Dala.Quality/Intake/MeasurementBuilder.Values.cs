using System.Globalization;
using Dala.Quality.Model;

namespace Dala.Quality.Intake;

internal static partial class MeasurementBuilder
{
    private static double? Num(RawLine raw, F field, double min, double max, List<string> problems)
    {
        if (!Parse(raw, field, problems, out var v)) return null;
        if (v < min || v > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field.Name()}: {v} is outside [{min}, {max}]"));
            return null;
        }
        return v;
    }

    private static (double? Down, double? Up) Speeds(RawLine raw, bool tile, List<string> p)
    {
        if (tile) return (Kbps(raw, F.DownKbps, p), Kbps(raw, F.UpKbps, p));
        var down = Mbps(raw, F.Down, p);
        var up = Mbps(raw, F.Up, p);
        if (raw.Has(F.MlabMbps))
        {
            var v = Mbps(raw, F.MlabMbps, p);
            if (raw.Span(F.Direction).Equals("upload", StringComparison.OrdinalIgnoreCase)) up ??= v; else down ??= v;
        }
        return (down, up);
    }

    private static double? Mbps(RawLine raw, F field, List<string> p) => Speed(raw, field, 1, "Mbit/s", p);

    /// <summary>Ookla tiles give kbit/s; the value is converted first, so the plausibility limit is the same 100 Gbit/s.</summary>
    private static double? Kbps(RawLine raw, F field, List<string> p) => Speed(raw, field, 1000, "kbit/s", p);

    /// <summary>A speed in Mbit/s from a field given in <paramref name="unit"/> (<paramref name="perMbps"/> of them make one Mbit/s).</summary>
    private static double? Speed(RawLine raw, F field, double perMbps, string unit, List<string> p)
    {
        if (!Parse(raw, field, p, out var v)) return null;
        if (v < 0) { p.Add($"{field.Name()}: {raw.Text(field)} {unit} is negative"); return null; }
        var mbps = v / perMbps;
        if (mbps > MaxMbps) { p.Add($"{field.Name()}: {raw.Text(field)} {unit} is not plausible (more than 100 Gbit/s)"); return null; }
        return mbps;
    }

    /// <summary>The field's finite number; false when the field is absent or (a problem) not a number.</summary>
    private static bool Parse(RawLine raw, F field, List<string> p, out double v)
    {
        v = 0;
        if (!raw.Has(field)) return false;
        if (PlainDecimal.TryParse(raw.Span(field), out v)
            || (double.TryParse(raw.Span(field), NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v))) return true;
        p.Add($"{field.Name()}: '{Clip(raw.Text(field)!)}' is not a number");
        return false;
    }

    private static DateTimeOffset? Time(RawLine raw, IntakeContext ctx, bool tile, List<string> p)
    {
        if (!raw.Has(F.Time))
        {
            if (tile && ctx.PeriodStart is { } start) return start;
            p.Add(tile ? "time: missing (Ookla tiles: give a time column or name the file YYYY-MM-DD_...)" : "time: missing");
            return null;
        }
        var text = raw.Span(F.Time);
        if (!IsoUtc(text, out var t) &&
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out t))
        {
            p.Add($"time: '{Clip(raw.Text(F.Time)!)}' is not a date and time (ISO 8601)");
            return null;
        }
        if (t < Earliest || t > ctx.Latest)
        {
            p.Add($"time: {t:yyyy-MM-dd} is {(t < Earliest ? "before 2009" : "in the future")}");
            return null;
        }
        return t;
    }

    /// <summary>
    /// The common form "yyyy-MM-ddTHH:mm:ssZ" read directly (what the general parser gives for it, a tenth of the
    /// cost); anything else, or anything out of range, is left to the general parser.
    /// </summary>
    internal static bool IsoUtc(ReadOnlySpan<char> s, out DateTimeOffset t)
    {
        t = default;
        if (s.Length != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
            !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        t = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int at, int n, out int value)
    {
        value = 0;
        for (var i = at; i < at + n; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    private static string? QuadkeyOf(RawLine raw, List<string> p)
    {
        if (raw.Text(F.Quadkey) is not { } q) return null;
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
