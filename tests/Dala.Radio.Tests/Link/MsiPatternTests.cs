using Dala.Radio.Link;
using Dala.Testing;

namespace Dala.Radio.Tests.Link;

public class MsiPatternTests
{
    private static MsiPattern Read(IEnumerable<string> lines) => MsiPatternReader.Read(new StringReader(MsiSample.Text(lines)), "sample.msi");

    [Fact]
    public void A_good_file_gives_its_header_and_both_cuts()
    {
        var p = Read(MsiSample.Lines());
        Assert.Equal("Sample 65-6", p.Name);
        Assert.Equal(1800, p.FrequencyMHz);
        Assert.Equal(17.5, p.PeakGainDbi);
        Assert.Equal("ELECTRICAL", p.Tilt);
        Assert.Equal((360, 360), (p.Horizontal.Count, p.Vertical.Count));
        for (var a = 0; a < 360; a++)
        {
            Assert.Equal(MsiSample.HorizontalLoss(a), p.Horizontal.LossAt(a));
            Assert.Equal(MsiSample.VerticalLoss(a), p.Vertical.LossAt(a));
        }
    }

    [Fact]
    public void Between_degrees_the_loss_is_interpolated_linearly_also_across_360()
    {
        var p = Read(MsiSample.Lines());
        Assert.Equal((MsiSample.HorizontalLoss(10) + MsiSample.HorizontalLoss(11)) / 2, p.Horizontal.LossAt(10.5), 1e-12);
        Assert.Equal(0.25 * MsiSample.HorizontalLoss(40) + 0.75 * MsiSample.HorizontalLoss(41), p.Horizontal.LossAt(40.75), 1e-12);
        Assert.Equal((MsiSample.VerticalLoss(359) + MsiSample.VerticalLoss(0)) / 2, p.Vertical.LossAt(359.5), 1e-12);
        Assert.Equal((MsiSample.VerticalLoss(359) + MsiSample.VerticalLoss(0)) / 2, p.Vertical.LossAt(-0.5), 1e-12);
    }

    [Fact]
    public void The_vertical_cut_counts_down_from_the_horizon_so_the_electrical_tilt_is_in_the_data()
    {
        var p = Read(MsiSample.Lines());
        Assert.Equal(0.0, p.GainDb(0, -6)); // 6 deg below the horizon: the beam peak
        Assert.Equal(-MsiSample.VerticalLoss(0), p.GainDb(0, 0)); // 12 (6/10)^2 = 4.32 dB on the horizon
        Assert.Equal(-4.32, p.GainDb(0, 0), 1e-12);
        Assert.Equal(-(MsiSample.HorizontalLoss(30) + MsiSample.VerticalLoss(10)), p.GainDb(30, -10), 1e-12);
        Assert.Equal(-(MsiSample.HorizontalLoss(330) + MsiSample.VerticalLoss(10)), p.GainDb(-30, -10), 1e-12);
    }

    [Fact]
    public void The_sum_of_both_losses_stops_at_the_deepest_loss_in_the_file() =>
        Assert.Equal(-30.0, Read(MsiSample.Lines()).GainDb(120, -40));

    [Theory]
    [InlineData("GAIN 17.5 dBi", 17.5)]
    [InlineData("gain 15.35 dBd", 17.5)]
    [InlineData("GAIN 15.35", 17.5)] // no unit: dBd, as Planet reads it
    [InlineData("Gain 17.5 DBI", 17.5)]
    public void Gain_is_converted_to_dBi(string gainLine, double dbi)
    {
        var lines = MsiSample.Lines();
        lines[3] = gainLine;
        Assert.Equal(dbi, Read(lines).PeakGainDbi, 1e-12);
    }

    [Fact]
    public void Blank_lines_and_unknown_keywords_are_skipped_and_line_numbers_stay_physical()
    {
        var lines = MsiSample.Lines();
        lines.Insert(5, "");
        lines.Insert(5, "FRONT_TO_BACK 30");
        lines.Insert(0, "COMMENT made for a test");
        Assert.Equal(360, Read(lines).Horizontal.Count);
        lines[MsiSample.FirstHorizontalLine + 3 + 10 - 1] = "10 x"; // the header grew by 3 lines
        var e = Assert.Throws<AntennaFileFormatException>(() => Read(lines));
        Assert.Equal(MsiSample.FirstHorizontalLine + 3 + 10, e.Line);
    }

    public static TheoryData<string, int, string> BadFiles() => new()
    {
        { "loss-not-a-number", MsiSample.FirstHorizontalLine + 10, "loss 'abc' is not a number" },
        { "three-fields", MsiSample.FirstHorizontalLine + 13, "HORIZONTAL point 14 must be \"angle loss_dB\", not '13 1.0 2.0'" },
        { "angle-repeats", MsiSample.FirstHorizontalLine + 23, "angle 22 does not increase on the previous 22" },
        { "negative-loss", MsiSample.FirstVerticalLine + 32, "loss -0.5 dB is negative: MSI losses are attenuations below the peak GAIN" },
        { "angle-360", MsiSample.LastLine, "angle 360 is outside 0..360 (360 excluded)" },
        { "count-not-a-number", MsiSample.HorizontalHeaderLine, "HORIZONTAL must be followed by its number of points (2 or more), not 'abc'" },
        { "truncated", MsiSample.LastLine - 10, "VERTICAL declares 360 points but the file ends after 350" },
        { "no-gain", MsiSample.LastLine - 1, "no GAIN line (\"GAIN 17.5 dBi\")" },
        { "gain-unit", 4, "GAIN unit 'dBm' is neither dBi nor dBd" },
        { "no-vertical", MsiSample.VerticalHeaderLine - 1, "no VERTICAL section (\"VERTICAL 360\" followed by 360 lines \"angle loss_dB\")" },
        { "second-horizontal", MsiSample.VerticalHeaderLine, "a second HORIZONTAL section" },
        { "empty", 1, "no HORIZONTAL section (\"HORIZONTAL 360\" followed by 360 lines \"angle loss_dB\")" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_names_its_line(string why, int line, string reason)
    {
        var lines = Spoil(MsiSample.Lines(), why);
        var e = Assert.Throws<AntennaFileFormatException>(() => Read(lines));
        Assert.Equal((line, reason), (e.Line, e.Reason));
        Assert.Equal($"sample.msi:{line}: {reason}", e.Message);
    }

    [Fact]
    public void A_file_on_disk_is_read_and_its_errors_name_the_path()
    {
        using var dir = new TempDir();
        Assert.Equal(17.5, MsiPatternReader.Load(dir.Write("good.msi", MsiSample.Text(MsiSample.Lines()))).PeakGainDbi);
        var path = dir.Write("bad.msi", MsiSample.Text(Spoil(MsiSample.Lines(), "loss-not-a-number")));
        var e = Assert.Throws<AntennaFileFormatException>(() => MsiPatternReader.Load(path));
        Assert.StartsWith($"{path}:{MsiSample.FirstHorizontalLine + 10}: ", e.Message, StringComparison.Ordinal);
    }

    private static List<string> Spoil(List<string> lines, string why)
    {
        switch (why)
        {
            case "loss-not-a-number": lines[MsiSample.FirstHorizontalLine + 10 - 1] = "10 abc"; break;
            case "three-fields": lines[MsiSample.FirstHorizontalLine + 13 - 1] = "13 1.0 2.0"; break;
            case "angle-repeats": lines[MsiSample.FirstHorizontalLine + 23 - 1] = "22 1.5"; break;
            case "negative-loss": lines[MsiSample.FirstVerticalLine + 32 - 1] = "32 -0.5"; break;
            case "angle-360": lines[MsiSample.LastLine - 1] = "360 1"; break;
            case "count-not-a-number": lines[MsiSample.HorizontalHeaderLine - 1] = "HORIZONTAL abc"; break;
            case "truncated": lines.RemoveRange(lines.Count - 10, 10); break;
            case "no-gain": lines.RemoveAt(3); break;
            case "gain-unit": lines[3] = "GAIN 17.5 dBm"; break;
            case "no-vertical": lines.RemoveRange(MsiSample.VerticalHeaderLine - 1, 361); break;
            case "second-horizontal": lines[MsiSample.VerticalHeaderLine - 1] = "HORIZONTAL 360"; break;
            case "empty": lines.Clear(); break;
            default: throw new ArgumentException(why, nameof(why));
        }
        return lines;
    }
}
