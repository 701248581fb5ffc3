namespace Dala.Web.Report;

/// <summary>The report's stylesheet: embedded in the CLI's file, served as /report.css for the web's /report.</summary>
public static class ReportStyle
{
    public const string Css = """
        @page { size: A4; margin: 10mm; }
        body { font: 10pt/1.3 Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; max-width: 190mm; }
        .page { padding: 4mm 0; border-bottom: 1px solid #ccc; }
        @media print {
          .page { page-break-after: always; break-after: page; border: 0; padding: 0; }
          .page:last-child { page-break-after: auto; break-after: auto; }
        }
        h1 { font-size: 15pt; margin: 0; color: #4a2bd1; }
        h1 small { font-size: 10pt; color: #777; }
        h2 { font-size: 11pt; margin: 8px 0 4px; border-bottom: 1px solid #ddd; }
        p { margin: 3px 0; }
        .muted { color: #666; font-size: 8.5pt; }
        .section { break-inside: avoid; page-break-inside: avoid; }
        .row { display: flex; gap: 10px; align-items: flex-start; }
        .charts { display: flex; flex-wrap: wrap; gap: 4px 10px; }
        figure { margin: 0; width: 300px; }
        figcaption { font-size: 8pt; }
        img.chart { display: block; }
        table { border-collapse: collapse; font-size: 8.5pt; }
        th, td { text-align: left; padding: 1px 6px 1px 0; vertical-align: top; }
        th { border-bottom: 1px solid #999; }
        table.compact { font-size: 8pt; }
        ol.sources { font-size: 7.5pt; color: #555; margin: 3px 0; padding-left: 0; list-style: none; }
        .synthetic { color: #b9770e; font-weight: bold; font-size: 7.5pt; text-transform: uppercase; }
        """;
}
