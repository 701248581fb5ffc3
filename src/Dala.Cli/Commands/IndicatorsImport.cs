using System.CommandLine;
using Dala.Registry.Indicators;

namespace Dala.Cli.Commands;

/// <summary>dala import indicators FILE [--format auto|dala|ookla]</summary>
public static class IndicatorsImport
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var file = ImportCommand.FileArgument("CSV of indicator values, or Ookla's country quarterly aggregates");
        var format = new Option<string>("--format")
        {
            Description = "auto (Ookla's country quarterly header is recognised, else ours), dala, or ookla",
            HelpName = "FORMAT", DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong([.. IndicatorImporter.Formats]);
        var cmd = new Command("indicators",
            "Programme indicator values from CSV: indicator,name,unit,date,value,source (required), region (ISO 3166-2:KZ; empty or KZ: " +
            "national), source_url, target, target_date, target_source, synthetic, note; or Ookla's country quarterly aggregates " +
            "(each numeric column a national series). One transaction; a re-run stores nothing new.") { file, format };
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var report = new IndicatorImporter(StoreOption.Indicators(s), ctx.Clock).Import(ctx.FullPath(r.GetValue(file)!), r.GetValue(format)!);
            return ReportOutput.Print(ctx, report, s.Describe());
        });
        return cmd;
    }
}
