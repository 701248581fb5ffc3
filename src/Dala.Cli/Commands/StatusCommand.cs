using System.CommandLine;
using Dala.Registry.Progress;
using Dala.Registry.Query;
using Spectre.Console;

namespace Dala.Cli.Commands;

/// <summary>dala status — what the store holds and how far the country is from the targets.</summary>
public static class StatusCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var scope = new Option<string>("--scope") { Description = "rural (villages and hamlets, what the targets count) or all", DefaultValueFactory = _ => "rural" };
        scope.AcceptOnlyFromAmong([.. ProgressCalculator.Scopes]);
        var targets = TargetsOption.Create();
        var cmd = new Command("status", "Show the dataset, counts per region and progress to the national targets.") { scope, targets };
        cmd.SetAction(r =>
        {
            var targetList = TargetsOption.Read(r, targets, ctx);
            var s = store.Open(r, ctx);
            var view = new RegistryView(s.ReadSnapshot(), DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime));
            var dataset = DatasetDescription.Of(view.Snapshot);
            ctx.Out.MarkupLineInterpolated($"Store:    {s.Describe()} (revision {view.Snapshot.Revision})");
            ctx.Out.MarkupLineInterpolated($"Dataset:  {dataset.Name}");
            ctx.Out.MarkupLineInterpolated($"Contents: {view.Snapshot.Regions.Count:N0} regions, {view.Snapshot.Settlements.Count:N0} settlements, {view.Snapshot.Connectivity.Count:N0} connectivity records, {view.Snapshot.Kato.Count:N0} KATO entries");
            if (dataset.Synthetic) ctx.Out.MarkupLineInterpolated($"[yellow]SYNTHETIC:[/] {dataset.SyntheticNote}");
            var p = ProgressCalculator.Compute(view, r.GetValue(scope)!, null, targetList);
            var t = new Table().Border(TableBorder.Simple).Title($"Progress as of {p.AsOf:yyyy-MM-dd} ({p.Scope} settlements)");
            foreach (var h in new[] { "region", "name", "settlements", "population", "fibre", "broadband", "≥100 Mbps", "no record" })
                t.AddColumn(new TableColumn(h) { Alignment = h is "region" or "name" ? Justify.Left : Justify.Right });
            foreach (var row in p.Regions.Append(new RegionProgress("", "National", p.National)))
            {
                var f = row.Figures;
                t.AddRow(row.Code, Markup.Escape(row.Name), f.Settlements.ToString("N0"), Population(f),
                    Pct(f.Fibre.Share), Pct(f.Broadband.Share), Pct(f.Mbps100.Share), f.Unknown.ToString("N0"));
            }
            ctx.Out.Write(t);
            ctx.Out.WriteLine($"Population: of {p.National.PopulationBase(p.Scope == "rural" ? "rural settlements" : "settlements")} (\"–, not known\" where none is known; * where only some are).");
            foreach (var target in p.Targets)
            {
                var projected = target.Projected is { } pr ? $", projected {Pct(pr)} at the pace of the last year" : "";
                ctx.Out.MarkupLineInterpolated($"Target {target.Target.Label}: now {Pct(target.Current)}{projected} — {(target.Met ? "met" : "not met")}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The population cell: the sum, starred when it rests on only some settlements, "–, not known" when on none.</summary>
    private static string Population(ProgressFigures f) =>
        !f.PopulationIsKnown ? "–, not known" : f.Population.ToString("N0") + (f.PopulationPartial ? "*" : "");

    public static string Pct(double share) => (share * 100).ToString("0.0") + "%";
}
