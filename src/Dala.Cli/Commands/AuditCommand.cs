using System.CommandLine;
using System.Globalization;
using Dala.Platform.Audit;
using Spectre.Console;

namespace Dala.Cli.Commands;

/// <summary>dala audit list|export — the append-only record of every write: who, when, what, from where, with what outcome.</summary>
public static class AuditCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var from = new Option<string?>("--from") { Description = "From this day or time (UTC, inclusive): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", HelpName = "WHEN", Recursive = true };
        var to = new Option<string?>("--to") { Description = "Before this day or time (UTC, exclusive)", HelpName = "WHEN", Recursive = true };
        var actor = new Option<string?>("--actor") { Description = "Only this actor (user:NAME, key:NAME, cli:OSUSER)", HelpName = "ACTOR", Recursive = true };
        return new Command("audit", "The audit log: every write (imports, posts, plans, case steps, key changes) with who, when, what and from where.")
        {
            from, to, actor, List(store, ctx, from, to, actor), Export(store, ctx, from, to, actor),
        };
    }

    private static Command List(StoreOption store, CliContext ctx, Option<string?> from, Option<string?> to, Option<string?> actor)
    {
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first (default 100)", HelpName = "N", DefaultValueFactory = _ => 100 };
        var cmd = new Command("list", "Entries, newest first: id, time, actor, action, target, origin, status.") { limit };
        cmd.SetAction(r =>
        {
            var query = Query(r, from, to, actor, r.GetValue(limit));
            var entries = StoreOption.Audit(store.Open(r, ctx)).Query(query);
            if (entries.Count == 0)
            {
                ctx.OutText.WriteLine("no audit entries");
                return ExitCodes.Ok;
            }
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "id", "at", "actor", "action", "target", "origin", "status" }) t.AddColumn(h);
            foreach (var e in entries)
                t.AddRow(e.Id.ToString(CultureInfo.InvariantCulture), AuditCsv.Time(e.At), Markup.Escape(e.Actor), Markup.Escape(e.Action), Markup.Escape(e.Target),
                    Markup.Escape(e.Origin), e.Status.ToString(CultureInfo.InvariantCulture));
            ctx.Out.Write(t);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Export(StoreOption store, CliContext ctx, Option<string?> from, Option<string?> to, Option<string?> actor)
    {
        var output = new Option<string>("--out") { Description = "The CSV file to write", HelpName = "FILE.csv", Required = true };
        var cmd = new Command("export", "Write the entries (all, or the window and actor given) as CSV, newest first.") { output };
        cmd.SetAction(r =>
        {
            var query = Query(r, from, to, actor, int.MaxValue);
            var entries = StoreOption.Audit(store.Open(r, ctx)).Query(query);
            var path = ctx.FullPath(r.GetValue(output)!);
            using (var w = new StreamWriter(path)) AuditCsv.Write(w, entries);
            ctx.OutText.WriteLine($"wrote {entries.Count:N0} audit entries to {r.GetValue(output)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static AuditQuery Query(ParseResult r, Option<string?> from, Option<string?> to, Option<string?> actor, int limit) =>
        new(When(r.GetValue(from), "--from"), When(r.GetValue(to), "--to"), r.GetValue(actor) is { Length: > 0 } a ? a : null,
            limit < 1 ? throw new CliException($"--limit: {limit} is not a positive count", ExitCodes.Rejected) : limit);

    private static DateTimeOffset? When(string? text, string option)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        throw new CliException($"{option}: '{text}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", ExitCodes.Rejected);
    }
}
