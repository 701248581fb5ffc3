using System.Globalization;

namespace Dala.Radio.Tests.Link;

/// <summary>
/// A made-up MSI file: a 65 deg / 10 deg parabolic panel with 6 deg electrical downtilt, losses to 0.01 dB.
/// Lines 1-5 are the header, line 6 "HORIZONTAL 360", lines 7-366 angles 0..359, line 367 "VERTICAL 360", lines 368-727.
/// </summary>
internal static class MsiSample
{
    public const int HorizontalHeaderLine = 6, FirstHorizontalLine = 7, VerticalHeaderLine = 367, FirstVerticalLine = 368, LastLine = 727;

    public static double HorizontalLoss(int angle) => Math.Round(Math.Min(12 * Math.Pow(Signed(angle) / 65.0, 2), 30), 2);

    /// <summary>Vertical file angles count down from the horizon (90 = nadir): the beam peaks at 6 deg down.</summary>
    public static double VerticalLoss(int angle) => Math.Round(Math.Min(12 * Math.Pow((Signed(angle) - 6) / 10.0, 2), 30), 2);

    public static List<string> Lines()
    {
        var lines = new List<string> { "NAME Sample 65-6", "MAKE Dala test", "FREQUENCY 1800", "GAIN 17.5 dBi", "TILT ELECTRICAL", "HORIZONTAL 360" };
        for (var a = 0; a < 360; a++) lines.Add(Invariant($"{a} {HorizontalLoss(a)}"));
        lines.Add("VERTICAL 360");
        for (var a = 0; a < 360; a++) lines.Add(Invariant($"{a}\t{VerticalLoss(a)}"));
        return lines;
    }

    public static string Text(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    private static int Signed(int angle) => angle > 180 ? angle - 360 : angle;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
