using System.Globalization;
using System.Net;
using System.Text;
using Dala.Registry.Indicators;

namespace Dala.Web.Report;

/// <summary>
/// The report's charts as SVG images (made here, no script needed to show or print them), handed out as data: URIs for
/// an img element. A chart of synthetic figures says "synthetic" in the image itself.
/// </summary>
public static class ReportSvg
{
    private const string Font = "font-family='Helvetica,Arial,sans-serif'";

    /// <summary>A bar between 0 and 100% per item, with the target as a tick and its label.</summary>
    public sealed record Bar(string Label, double Percent, double? TargetPercent);

    public static string Bars(IReadOnlyList<Bar> bars, bool synthetic, int width = 320)
    {
        const int row = 22, left = 110, top = 6;
        var right = width - 60;
        var height = top + bars.Count * row + (synthetic ? 16 : 6);
        var s = Start(width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * row;
            var w = (right - left) * Math.Clamp(b.Percent, 0, 100) / 100;
            s.Append(F($"<text x='{left - 6}' y='{y + 13}' text-anchor='end' font-size='10' {Font}>{E(b.Label)}</text>"));
            s.Append(F($"<rect x='{left}' y='{y + 3}' width='{right - left}' height='13' fill='#eceaf6'/>"));
            s.Append(F($"<rect x='{left}' y='{y + 3}' width='{w:0.#}' height='13' fill='#4a2bd1'/>"));
            s.Append(F($"<text x='{right + 4}' y='{y + 13}' font-size='10' {Font}>{b.Percent:0.0}%</text>"));
            if (b.TargetPercent is { } t)
            {
                var x = left + (right - left) * Math.Clamp(t, 0, 100) / 100;
                s.Append(F($"<line x1='{x:0.#}' y1='{y}' x2='{x:0.#}' y2='{y + 19}' stroke='#c0392b' stroke-width='2'/>"));
            }
        }
        Footer(s, width, height, synthetic);
        return Uri(s);
    }

    /// <summary>
    /// A line chart of one indicator in one region: reported values (solid) and derived ones (dashed), the target as a
    /// dashed red line up to its date, where a marker and a label sit.
    /// </summary>
    public static string Series(IndicatorSeries series, string region, int width = 300, int height = 130)
    {
        var points = series.Points.Where(p => p.Region == region).ToArray();
        var ind = series.Indicator;
        const int left = 44, top = 10, bottom = 22;
        var right = width - 10;
        var dates = points.Select(p => p.Date).ToList();
        if (ind.TargetDate is { } td) dates.Add(td);
        var synthetic = points.Any(p => p.Synthetic);
        var s = Start(width, height);
        if (dates.Count == 0)
        {
            s.Append(F($"<text x='{width / 2}' y='{height / 2}' text-anchor='middle' font-size='10' fill='#666' {Font}>no values yet</text>"));
            Footer(s, width, height, synthetic);
            return Uri(s);
        }
        var x0 = (points.Length == 0 ? dates.Min().AddYears(-5) : dates.Min()).DayNumber - 180.0;
        var x1 = dates.Max().DayNumber + 180.0;
        var values = points.Select(p => p.Value).ToList();
        if (ind.Target is { } tv) values.Add(tv);
        var y1 = Nice(values.Max() * 1.1);
        var y0 = Math.Min(0, values.Min());
        double X(DateOnly d) => left + (right - left) * (d.DayNumber - x0) / (x1 - x0);
        double Y(double v) => height - bottom - (height - bottom - top) * (v - y0) / (y1 - y0 == 0 ? 1 : y1 - y0);
        s.Append(F($"<line x1='{left}' y1='{height - bottom}' x2='{right}' y2='{height - bottom}' stroke='#999'/>"));
        s.Append(F($"<line x1='{left}' y1='{top}' x2='{left}' y2='{height - bottom}' stroke='#999'/>"));
        foreach (var v in new[] { y0, (y0 + y1) / 2, y1 })
            s.Append(F($"<text x='{left - 4}' y='{Y(v) + 3:0.#}' text-anchor='end' font-size='9' {Font}>{Short(v)}</text>"));
        for (var year = DateOnly.FromDayNumber((int)x0).Year + 1; year <= DateOnly.FromDayNumber((int)x1).Year; year += Step(x0, x1))
        {
            var x = X(new DateOnly(year, 1, 1));
            s.Append(F($"<text x='{x:0.#}' y='{height - bottom + 12}' text-anchor='middle' font-size='9' {Font}>{year}</text>"));
        }
        if (ind.Target is { } target)
        {
            var xe = ind.TargetDate is { } d ? X(d) : right;
            s.Append(F($"<line x1='{left}' y1='{Y(target):0.#}' x2='{xe:0.#}' y2='{Y(target):0.#}' stroke='#c0392b' stroke-dasharray='4 3'/>"));
            s.Append(F($"<circle cx='{xe:0.#}' cy='{Y(target):0.#}' r='3' fill='#c0392b'/>"));
            var label = $"target {Short(target)}{(ind.Unit == "%" ? "%" : "")}" + (ind.TargetDate is { } by ? $" by {by:yyyy-MM-dd}" : "");
            s.Append(F($"<text x='{Math.Min(xe, right - 2):0.#}' y='{Y(target) - 4:0.#}' text-anchor='end' font-size='9' fill='#c0392b' {Font}>{E(label)}</text>"));
        }
        foreach (var derived in new[] { false, true })
        {
            var line = points.Where(p => p.Derived == derived).OrderBy(p => p.Date).ToArray();
            if (line.Length == 0) continue;
            var colour = derived ? "#1e8449" : "#4a2bd1";
            if (line.Length > 1)
            {
                var path = string.Join(' ', line.Select(p => F($"{X(p.Date):0.#},{Y(p.Value):0.#}")));
                s.Append(F($"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='1.5'{(derived ? " stroke-dasharray='3 2'" : "")}/>"));
            }
            foreach (var p in line) s.Append(F($"<circle cx='{X(p.Date):0.#}' cy='{Y(p.Value):0.#}' r='2.5' fill='{colour}'/>"));
        }
        Footer(s, width, height, synthetic);
        return Uri(s);
    }

    private static int Step(double x0, double x1) => Math.Max(1, (int)Math.Ceiling((x1 - x0) / 365.25 / 6));

    private static double Nice(double v)
    {
        if (v <= 0) return 1;
        var p = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var m in new[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
            if (m * p >= v) return m * p;
        return 10 * p;
    }

    public static string Short(double v) => Math.Abs(v) switch
    {
        >= 1e6 => F($"{v / 1e6:0.#}M"),
        >= 1e4 => F($"{v / 1e3:0.#}k"),
        >= 100 => F($"{v:0}"),
        _ => F($"{v:0.#}"),
    };

    private static StringBuilder Start(int width, int height) =>
        new(F($"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"));

    private static void Footer(StringBuilder s, int width, int height, bool synthetic)
    {
        if (synthetic)
            s.Append(F($"<text x='{width - 4}' y='{height - 3}' text-anchor='end' font-size='9' font-weight='bold' fill='#b9770e' {Font}>synthetic</text>"));
        s.Append("</svg>");
    }

    private static string Uri(StringBuilder s) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(s.ToString()));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
