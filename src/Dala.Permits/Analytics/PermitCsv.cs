using System.Globalization;
using Dala.Geo.Io;

namespace Dala.Permits.Analytics;

/// <summary>The CSV files of the permit analytics (the CLI's --out and the API's CSV answers).</summary>
public static class PermitCsv
{
    /// <summary>Pinned: the header begins group,day,at_risk,events,survival; one row per group and day with at least one request on air.</summary>
    public static void Survival(TextWriter w, SurvivalResult result)
    {
        var csv = new CsvWriter(w);
        csv.Row("group", "day", "at_risk", "events", "survival");
        foreach (var row in result.Curves.SelectMany(c => c.Rows))
            csv.Row(row.Group, row.Day, row.AtRisk, row.Events, Precise(row.Survival));
    }

    public static void Stages(TextWriter w, IEnumerable<StageDuration> rows)
    {
        var csv = new CsvWriter(w);
        csv.Row("region", "stage", "name", "n", "median_days", "p90_days", "sla_days");
        foreach (var r in rows) csv.Row(r.Region, r.Stage, r.Name, r.N, r.Median, r.P90, r.SlaDays);
    }

    public static void Overdue(TextWriter w, IEnumerable<OverdueRequest> rows)
    {
        var csv = new CsvWriter(w);
        csv.Row("request_id", "operator", "region", "stage", "holder", "waiting_since", "days_waiting", "sla_days", "days_over");
        foreach (var r in rows) csv.Row(r.RequestId, r.Operator, r.Region, r.Stage, r.Holder, Day(r.WaitingSince), r.DaysWaiting, r.SlaDays, r.DaysOver);
    }

    public static void Forecast(TextWriter w, IEnumerable<PermitForecast> rows)
    {
        var csv = new CsvWriter(w);
        csv.Row("request_id", "operator", "region", "opened", "days_waited", "waiting", "forecast_on_air", "basis", "note");
        foreach (var r in rows) csv.Row(r.RequestId, r.Operator, r.Region, Day(r.Opened), r.DaysWaited, r.Waiting, r.OnAir is { } d ? Day(d) : "", r.Basis, r.Note);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Precise(double v) => v.ToString("0.##########", CultureInfo.InvariantCulture);
}
