using System.Globalization;

namespace Dala.Radio.Link;

/// <summary>The keyword lines of an MSI file that <see cref="MsiPattern"/> keeps.</summary>
internal sealed class MsiHeader
{
    public string? Name { get; private set; }

    public double? FrequencyMHz { get; private set; }

    public double? GainDbi { get; private set; }

    public string? Tilt { get; private set; }

    public void Take(string keyword, string rest, int line, MsiLines lines)
    {
        switch (keyword.ToUpperInvariant())
        {
            case "NAME":
                Name = rest;
                break;
            case "TILT":
                Tilt = rest;
                break;
            case "FREQUENCY":
                var (f, fUnit) = ValueAndUnit(rest, line, lines, "FREQUENCY");
                if (fUnit is not null && !fUnit.Equals("MHz", StringComparison.OrdinalIgnoreCase)) throw lines.Error(line, $"FREQUENCY unit '{fUnit}' is not MHz");
                if (!(f > 0)) throw lines.Error(line, $"FREQUENCY {rest} is not a positive number of MHz");
                FrequencyMHz = f;
                break;
            case "GAIN":
                if (GainDbi is not null) throw lines.Error(line, "a second GAIN line");
                var (g, gUnit) = ValueAndUnit(rest, line, lines, "GAIN");
                GainDbi = gUnit?.ToUpperInvariant() switch
                {
                    "DBI" => g,
                    null or "DBD" => g + MsiPatternReader.DipoleGainDbi,
                    _ => throw lines.Error(line, $"GAIN unit '{gUnit}' is neither dBi nor dBd"),
                };
                break;
        }
    }

    private static (double Value, string? Unit) ValueAndUnit(string rest, int line, MsiLines lines, string keyword)
    {
        var fields = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is 0 or > 2) throw lines.Error(line, $"{keyword} must be \"{keyword} value [unit]\", not '{keyword} {rest}'");
        var value = MsiPatternReader.Number(lines, line, fields[0], keyword);
        return (value, fields.Length == 2 ? fields[1] : null);
    }
}
