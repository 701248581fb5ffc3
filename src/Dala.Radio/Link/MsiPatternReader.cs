using System.Globalization;

namespace Dala.Radio.Link;

/// <summary>
/// Reads the MSI/Planet antenna layout: keyword lines (NAME, MAKE, FREQUENCY, GAIN value [dBi|dBd], TILT, COMMENT, ...),
/// then "HORIZONTAL n" and "VERTICAL n", each followed by n lines "angle loss_dB". Keywords are case-insensitive and
/// unknown ones are skipped; blank lines are ignored. A GAIN without unit is taken as dBd, as Planet does (and as CRC's
/// crc-covlib reader does). Any other deviation throws <see cref="AntennaFileFormatException"/> with its line number.
/// </summary>
public static class MsiPatternReader
{
    /// <summary>dBi = dBd + 2.15 (the gain of a half-wave dipole).</summary>
    public const double DipoleGainDbi = 2.15;

    public static MsiPattern Load(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static MsiPattern Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new MsiLines(reader, file);
        var header = new MsiHeader();
        PatternCut? horizontal = null, vertical = null;
        while (lines.Next() is { } line)
        {
            var (keyword, rest) = Split(line.Text);
            switch (keyword.ToUpperInvariant())
            {
                case "HORIZONTAL":
                    if (horizontal is not null) throw lines.Error(line.Number, "a second HORIZONTAL section");
                    horizontal = ReadCut(lines, line, rest, "HORIZONTAL");
                    break;
                case "VERTICAL":
                    if (vertical is not null) throw lines.Error(line.Number, "a second VERTICAL section");
                    vertical = ReadCut(lines, line, rest, "VERTICAL");
                    break;
                default:
                    header.Take(keyword, rest, line.Number, lines);
                    break;
            }
        }
        var end = lines.LastLine;
        if (horizontal is null) throw lines.Error(end, "no HORIZONTAL section (\"HORIZONTAL 360\" followed by 360 lines \"angle loss_dB\")");
        if (vertical is null) throw lines.Error(end, "no VERTICAL section (\"VERTICAL 360\" followed by 360 lines \"angle loss_dB\")");
        var gain = header.GainDbi ?? throw lines.Error(end, "no GAIN line (\"GAIN 17.5 dBi\")");
        return new MsiPattern(header.Name ?? "", header.FrequencyMHz, gain, header.Tilt, horizontal, vertical);
    }

    private static PatternCut ReadCut(MsiLines lines, MsiLine start, string countText, string section)
    {
        if (!int.TryParse(countText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 2)
            throw lines.Error(start.Number, $"{section} must be followed by its number of points (2 or more), not '{countText.Trim()}'");
        var angles = new double[count];
        var losses = new double[count];
        for (var i = 0; i < count; i++)
        {
            var line = lines.Next() ?? throw lines.Error(lines.LastLine, $"{section} declares {count} points but the file ends after {i}");
            var fields = line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2) throw lines.Error(line.Number, $"{section} point {i + 1} must be \"angle loss_dB\", not '{line.Text.Trim()}'");
            angles[i] = Number(lines, line.Number, fields[0], "angle");
            losses[i] = Number(lines, line.Number, fields[1], "loss");
            if (!(angles[i] >= 0 && angles[i] < 360)) throw lines.Error(line.Number, $"angle {fields[0]} is outside 0..360 (360 excluded)");
            if (i > 0 && !(angles[i] > angles[i - 1])) throw lines.Error(line.Number, $"angle {fields[0]} does not increase on the previous {angles[i - 1].ToString(CultureInfo.InvariantCulture)}");
            if (losses[i] < 0) throw lines.Error(line.Number, $"loss {fields[1]} dB is negative: MSI losses are attenuations below the peak GAIN");
        }
        return new PatternCut(angles, losses);
    }

    internal static double Number(MsiLines lines, int line, string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw lines.Error(line, $"{what} '{text}' is not a number");

    private static (string Keyword, string Remainder) Split(string text)
    {
        var t = text.Trim();
        var space = t.IndexOfAny([' ', '\t']);
        return space < 0 ? (t, "") : (t[..space], t[(space + 1)..].Trim());
    }
}
