using System.Globalization;
using System.Net;
using System.Text;

namespace Dala.Web.Report;

/// <summary>Small HTML helpers for the report: encoding, numbers in the invariant culture, the synthetic mark.</summary>
public static class ReportHtml
{
    public const string SyntheticMark = "<span class=\"synthetic\">synthetic</span>";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string N(double v, string format = "#,0.##") => v.ToString(format, CultureInfo.InvariantCulture);

    public static string Pct(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Mark(bool synthetic) => synthetic ? " " + SyntheticMark : "";

    public static string Img(string dataUri, string alt) => $"<img class=\"chart\" src=\"{dataUri}\" alt=\"{E(alt)}\">";

    /// <summary>A table: header cells and rows of cells (already encoded HTML).</summary>
    public static string Table(IEnumerable<string> head, IEnumerable<IEnumerable<string>> rows, string css = "")
    {
        var s = new StringBuilder($"<table{(css.Length > 0 ? $" class=\"{css}\"" : "")}><thead><tr>");
        foreach (var h in head) s.Append("<th>").Append(E(h)).Append("</th>");
        s.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            s.Append("<tr>");
            foreach (var c in r) s.Append("<td>").Append(c).Append("</td>");
            s.Append("</tr>");
        }
        return s.Append("</tbody></table>").ToString();
    }
}
