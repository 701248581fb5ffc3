using System.CommandLine;
using Dala.Registry.Indicators;
using Spectre.Console;

namespace Dala.Cli.Commands;

/// <summary>dala indicators seed | list</summary>
public static class IndicatorsCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("indicators", "The programme's national indicators: the cited default set, and what the store holds.");
        var seed = new Command("seed", "Store the programme's headline figures (issue 13) with their sources; a re-run stores nothing new.");
        seed.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var saved = StoreOption.Indicators(s).Save(DefaultIndicators.All);
            ctx.Out.WriteLine($"Stored the default indicators in {s.Describe()}: {saved.IndicatorsStored} indicators and {saved.PointsStored} values " +
                              $"new or changed, {saved.PointsUnchanged} values unchanged.");
            return ExitCodes.Ok;
        });
        var list = new Command("list", "List the stored indicators with their latest reported value and target.");
        list.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var set = StoreOption.Indicators(s).Read();
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "indicator", "unit", "latest", "date", "target", "by", "source" }) t.AddColumn(h);
            foreach (var series in IndicatorBoard.Combine(set, IndicatorSet.Empty))
            {
                var i = series.Indicator;
                var last = series.Latest(IndicatorPoint.National, derived: false);
                t.AddRow(Markup.Escape(i.Id), Markup.Escape(i.Unit), last is null ? "" : last.Value.ToString("#,0.##"),
                    last?.Date.ToString("yyyy-MM-dd") ?? "", i.Target?.ToString("#,0.##") ?? "", i.TargetDate?.ToString("yyyy-MM-dd") ?? "",
                    Markup.Escape(last?.Source ?? i.TargetSource ?? ""));
            }
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        cmd.Add(seed);
        cmd.Add(list);
        return cmd;
    }
}
