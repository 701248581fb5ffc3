using System.Globalization;
using System.Text;
using Dala.Quality.Obligations;

namespace Dala.Quality.Verdicts;

/// <summary>The evidence pack's drawings as inline SVG: the interval against the requirement, the histogram, the map of the tests.</summary>
internal static class EvidenceSvg
{
    private const int W = 640;

    private static string N(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Interval(EvidencePack p)
    {
        var o = p.Obligation;
        var j = p.Judgement;
        var share = o.Rule == ObligationRule.ShareAtLeast;
        var required = share ? o.Share!.Value : o.Threshold;
        var values = p.Tests.Select(m => o.ValueOf(m)!.Value).ToArray();
        double lo = 0, hi = 1;
        if (!share)
        {
            lo = Math.Min(values.DefaultIfEmpty(0).Min(), o.Threshold);
            hi = Math.Max(values.DefaultIfEmpty(1).Max(), o.Threshold);
            if (hi <= lo) hi = lo + 1;
        }
        double X(double v) => 20 + (W - 40) * (Math.Clamp(v, lo, hi) - lo) / (hi - lo);
        var colour = j.Verdict switch { VerdictKind.Violation => "#b00020", VerdictKind.Compliant => "#1b7f3a", _ => "#777" };
        var s = new StringBuilder($"<svg class=\"interval\" viewBox=\"0 0 {W} 70\" width=\"{W}\" height=\"70\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.Append($"<line x1=\"20\" y1=\"45\" x2=\"{W - 20}\" y2=\"45\" stroke=\"#999\"/>");
        s.Append($"<text x=\"20\" y=\"62\" font-size=\"11\">{N(lo)}</text><text x=\"{W - 20}\" y=\"62\" font-size=\"11\" text-anchor=\"end\">{N(hi)}</text>");
        s.Append($"<rect x=\"{N(X(j.Interval.Low))}\" y=\"22\" width=\"{N(Math.Max(1, X(j.Interval.High) - X(j.Interval.Low)))}\" height=\"12\" fill=\"{colour}\" opacity=\"0.6\"/>");
        if (j.Estimate is { } e) s.Append($"<circle cx=\"{N(X(e))}\" cy=\"28\" r=\"5\" fill=\"{colour}\"/>");
        s.Append($"<line x1=\"{N(X(required))}\" y1=\"8\" x2=\"{N(X(required))}\" y2=\"50\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>");
        s.Append($"<text x=\"{N(X(required))}\" y=\"8\" font-size=\"11\" dy=\"-1\" text-anchor=\"middle\">required {N(required)}</text></svg>");
        return s.ToString();
    }

    public static string Histogram(EvidencePack p)
    {
        var o = p.Obligation;
        var values = p.Tests.Select(m => o.ValueOf(m)!.Value).ToArray();
        const int H = 180, bins = 24;
        var s = new StringBuilder($"<svg class=\"histogram\" viewBox=\"0 0 {W} {H + 30}\" width=\"{W}\" height=\"{H + 30}\" xmlns=\"http://www.w3.org/2000/svg\">");
        if (values.Length == 0) return s.Append("<text x=\"20\" y=\"40\">no tests</text></svg>").ToString();
        var lo = Math.Min(values.Min(), o.Threshold);
        var hi = Math.Max(values.Max(), o.Threshold);
        if (hi <= lo) hi = lo + 1;
        var counts = new int[bins];
        foreach (var v in values) counts[Math.Min(bins - 1, (int)((v - lo) / (hi - lo) * bins))]++;
        var max = counts.Max();
        var bw = (W - 40.0) / bins;
        for (var i = 0; i < bins; i++)
        {
            var h = H * counts[i] / (double)max;
            s.Append($"<rect x=\"{N(20 + i * bw)}\" y=\"{N(H - h + 5)}\" width=\"{N(bw - 1)}\" height=\"{N(h)}\" fill=\"#4a78b5\"/>");
        }
        var tx = 20 + (W - 40) * (o.Threshold - lo) / (hi - lo);
        s.Append($"<line x1=\"{N(tx)}\" y1=\"0\" x2=\"{N(tx)}\" y2=\"{H + 5}\" stroke=\"#b00020\" stroke-width=\"2\"/>");
        s.Append($"<text x=\"20\" y=\"{H + 22}\" font-size=\"11\">{N(lo)}</text><text x=\"{W - 20}\" y=\"{H + 22}\" font-size=\"11\" text-anchor=\"end\">{N(hi)}</text>");
        s.Append($"<text x=\"{N(tx)}\" y=\"{H + 22}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#b00020\">threshold {N(o.Threshold)}</text></svg>");
        return s.ToString();
    }

    public static string Map(EvidencePack p)
    {
        var o = p.Obligation;
        var pts = p.Tests.Where(m => m.Location is not null).ToArray();
        const int H = 320;
        var s = new StringBuilder($"<svg class=\"map\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" xmlns=\"http://www.w3.org/2000/svg\">");
        if (pts.Length == 0) return s.Append("<text x=\"20\" y=\"40\">no test has a location</text></svg>").ToString();
        double minX = pts.Min(m => m.Location!.Value.Lon), maxX = pts.Max(m => m.Location!.Value.Lon);
        double minY = pts.Min(m => m.Location!.Value.Lat), maxY = pts.Max(m => m.Location!.Value.Lat);
        var span = Math.Max(Math.Max(maxX - minX, maxY - minY), 0.01);
        foreach (var m in pts)
        {
            var x = 20 + (W - 40) * (m.Location!.Value.Lon - minX) / span;
            var y = H - 20 - (H - 40) * (m.Location!.Value.Lat - minY) / span;
            var ok = o.ValueOf(m) >= o.Threshold;
            s.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"3\" fill=\"{(ok ? "#1b7f3a" : "#b00020")}\" opacity=\"0.7\"/>");
        }
        s.Append($"<text x=\"20\" y=\"14\" font-size=\"11\">lon {N(minX)}..{N(maxX)}, lat {N(minY)}..{N(maxY)}; green: at or above the threshold, red: below</text></svg>");
        return s.ToString();
    }
}
