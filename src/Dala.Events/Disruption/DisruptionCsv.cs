using System.Globalization;
using Dala.Geo.Io;

namespace Dala.Events.Disruption;

/// <summary>The evidence per operator as CSV (through the one CSV writer), every row carrying the synthetic flag.</summary>
public static class DisruptionCsv
{
    public static readonly string[] Header =
    [
        "event", "operator", "verdict", "flagged", "event_tests", "baseline_tests", "event_median_mbps", "baseline_median_mbps", "drop_mbps",
        "drop_ci_low", "drop_ci_high", "ci_level", "stream_tests", "pettitt_p", "change_at", "synthetic",
    ];

    public static void Write(TextWriter w, EventDisruption d)
    {
        var csv = new CsvWriter(w);
        csv.Row(Header);
        foreach (var o in d.Operators)
            csv.Row(d.EventId, o.OperatorId, o.Verdict, o.Flagged ? "true" : "false", I(o.EventTests), I(o.BaselineTests), F(o.EventMedian), F(o.BaselineMedian),
                F(o.Drop?.Drop), F(o.Drop?.Low), F(o.Drop?.High), F(1 - d.Settings.Alpha), I(o.StreamTests), F(o.ChangeP, "G6"),
                o.ChangeAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "", d.Synthetic ? "true" : "false");
    }

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string F(double? v, string format = "0.###") => v?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
