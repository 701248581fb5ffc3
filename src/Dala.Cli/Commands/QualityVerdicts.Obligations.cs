using System.CommandLine;
using System.Globalization;
using Dala.Quality.Obligations;
using Dala.Registry.Model;

namespace Dala.Cli.Commands;

public static partial class QualityVerdicts
{
    private static Command Obligations(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("obligations", "Licence obligations, versioned: list, show, import (a new version of each changed one), history.");
        var list = new Command("list", "The current obligations (the default set is stored when there are none).");
        list.SetAction(r =>
        {
            foreach (var o in StoreOption.Obligations(store.Open(r, ctx)).CurrentOrDefaults(ctx.Clock)) ctx.OutText.WriteLine(Line(o));
            return ExitCodes.Ok;
        });
        var id = new Argument<string>("ID") { Description = "The obligation's id" };
        var show = new Command("show", "One current obligation as JSON.") { id };
        show.SetAction(r =>
        {
            var o = StoreOption.Obligations(store.Open(r, ctx)).CurrentOrDefaults(ctx.Clock).FirstOrDefault(x => x.Id == r.GetValue(id))
                    ?? throw new CliException($"no obligation {r.GetValue(id)}", ExitCodes.Rejected);
            ctx.OutText.WriteLine(ObligationJson.Write(o, withVersion: true));
            return ExitCodes.Ok;
        });
        var file = new Argument<string>("FILE") { Description = "JSON array of obligations" };
        var actor = new Option<string?>("--actor") { Description = "Who makes the change, kept with each version (default: $USER)", HelpName = "NAME" };
        var import = new Command("import", "Store a new version of each obligation in the file that differs from its current version; a file with any problem stores nothing (exit 2).")
            { file, actor };
        import.SetAction(r =>
        {
            var obligations = ReadFile(ctx, r.GetValue(file)!);
            var s = StoreOption.Obligations(store.Open(r, ctx));
            s.CurrentOrDefaults(ctx.Clock);
            var saved = s.Save(obligations, r.GetValue(actor) ?? ctx.Environment("USER") ?? "cli", ctx.Clock.Now);
            foreach (var o in saved) ctx.OutText.WriteLine($"stored {o.Id} version {o.Version.ToString(CultureInfo.InvariantCulture)}");
            ctx.OutText.WriteLine($"{saved.Count} new version(s), {obligations.Count - saved.Count} unchanged");
            return ExitCodes.Ok;
        });
        var historyId = new Argument<string>("ID") { Description = "The obligation's id" };
        var history = new Command("history", "Every version of one obligation, oldest first.") { historyId };
        history.SetAction(r =>
        {
            var versions = StoreOption.Obligations(store.Open(r, ctx)).History(r.GetValue(historyId)!);
            if (versions.Count == 0) throw new CliException($"no obligation {r.GetValue(historyId)}", ExitCodes.Rejected);
            foreach (var v in versions)
                ctx.OutText.WriteLine($"v{v.Obligation.Version.ToString(CultureInfo.InvariantCulture)}  {v.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z  {v.Actor}  {Line(v.Obligation)}");
            return ExitCodes.Ok;
        });
        cmd.Add(list);
        cmd.Add(show);
        cmd.Add(import);
        cmd.Add(history);
        return cmd;
    }

    internal static string Line(Obligation o)
    {
        string F(double d) => d.ToString("G", CultureInfo.InvariantCulture);
        var rule = o.Rule switch
        {
            ObligationRule.ShareAtLeast => $"share of {o.Metric.WireName()} >= {F(o.Threshold)} at least {F(o.Share!.Value)}",
            ObligationRule.QuantileAtLeast => $"q{F(o.RuleQuantile)} of {o.Metric.WireName()} >= {F(o.Threshold)}",
            _ => $"median {o.Metric.WireName()} <= {F(o.Threshold)}",
        };
        return $"{o.Id} v{o.Version.ToString(CultureInfo.InvariantCulture)}: {o.Operator ?? "every operator"}, {o.Technology.WireName()}, {rule}, " +
               $"{F(o.Confidence)} confidence, by {string.Join(" x ", o.By.Select(k => k.WireName()))}";
    }
}
