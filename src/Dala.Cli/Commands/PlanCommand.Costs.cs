using System.CommandLine;
using System.Globalization;
using Dala.Rollout.Costs;

namespace Dala.Cli.Commands;

public static partial class PlanCommand
{
    private static Command Costs(CliContext ctx)
    {
        var json = new Option<bool>("--json") { Description = "Print the cost book as a JSON file that --costs reads (edit it and pass it back)" };
        var file = new Option<string?>("--costs") { Description = "Show this cost book instead of the default (it is checked as plan national would)", HelpName = "FILE.json" };
        var cmd = new Command("costs", "Print the cost book: every number with its unit, currency and source (Dala's defaults unless --costs names a file).") { json, file };
        cmd.SetAction(r =>
        {
            var book = r.GetValue(file) is { } path ? ReadCosts(ctx, path) : CostBook.Default;
            if (r.GetValue(json))
            {
                ctx.OutText.WriteLine(CostBookJson.Write(book));
                return ExitCodes.Ok;
            }
            ctx.OutText.WriteLine($"cost book {book.Version}: {book.Description}");
            ctx.OutText.WriteLine(string.Create(CultureInfo.InvariantCulture, $"money is used in tenge; USD at {book.UsdKzt:0.##} KZT"));
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "item", "value", "currency", "unit", "source" }) t.AddColumn(h);
            foreach (var i in book.Items)
                t.AddRow(Markup.Escape(i.Id), i.Value.ToString("#,0.######", CultureInfo.InvariantCulture), i.Currency ?? "", Markup.Escape(i.Unit), Markup.Escape(i.Source));
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Reads a cost book, or refuses it naming the file, every field and its reason (exit 2).</summary>
    private static CostBook ReadCosts(CliContext ctx, string path)
    {
        try
        {
            return CostBookJson.ReadFile(ctx.FullPath(path));
        }
        catch (CostBookException e)
        {
            foreach (var p in e.Problems) ctx.ErrText.WriteLine($"{path}: {p.Field}: {p.Reason}");
            throw new CliException($"the cost book {path} was refused ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}); nothing was planned or stored", ExitCodes.Rejected);
        }
    }
}
