using System.CommandLine;
using Dala.Registry.Query;
using Dala.Web;
using Dala.Web.Report;

namespace Dala.Cli.Commands;

/// <summary>dala report --out report.html — the same report as GET /report, as one self-contained HTML file.</summary>
public static class ReportCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "The HTML file to write (self-contained: CSS and SVG charts inside)", HelpName = "FILE", Required = true };
        var targets = TargetsOption.Create();
        var cmd = new Command("report", "Write the printable report: a page for the country and one per region (progress to the targets, the latest " +
                                        "plan's next year, compliance verdicts, mast permits waiting, mass events, indicators with targets); synthetic figures are marked.") { output, targets };
        cmd.SetAction(r =>
        {
            var targetList = TargetsOption.Read(r, targets, ctx);
            var path = ctx.FullPath(r.GetValue(output)!);
            if (Directory.Exists(path)) throw new CliException($"--out {path}: is a directory", ExitCodes.Rejected);
            var s = store.Open(r, ctx);
            var settings = new DalaWebSettings(s, ctx.Clock, targetList, Measurements: StoreOption.Measurements(s))
            {
                Plans = StoreOption.Plans(s),
                Obligations = StoreOption.Obligations(s),
                Indicators = StoreOption.Indicators(s),
                Permits = StoreOption.Permits(s),
                Events = StoreOption.Events(s),
            };
            var view = new RegistryView(s.ReadSnapshot(), DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime));
            var data = ReportRenderer.Gather(settings, view, new IndicatorSource(settings));
            try
            {
                File.WriteAllText(path, ReportRenderer.Default.Render(data, stylesheet: null));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out {path}: cannot write: {e.Message}", ExitCodes.Rejected);
            }
            ctx.Out.WriteLine($"Wrote the report ({1 + view.Snapshot.Regions.Count} pages: the country and {view.Snapshot.Regions.Count} regions) to {path}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
