using System.CommandLine;
using Dala.Platform.Audit;
using Dala.Registry.Store;

namespace Dala.Cli;

/// <summary>
/// Every CLI verb that writes to the store is recorded in its audit log after it ran: actor cli:OSUSER, the verb, its
/// arguments (without --store, which may hold a password), origin "cli", and the exit code. One list says which verbs write.
/// </summary>
public static class CliAudit
{
    public static readonly string[] WriteVerbs =
    [
        "import", "scenario seed", "scenario clear", "scenario sites", "scenario measurements", "restore", "migrate", "plan national", "radio coverage",
        "quality cases open", "quality cases step", "quality challenges import", "quality challenges file", "quality challenges answer",
        "quality challenges decide", "quality challenges demo", "quality obligations import", "indicators seed", "events add", "events demo",
        "permits set",
        "users add", "users passwd", "users disable", "users enable", "keys create", "keys revoke",
    ];

    public static bool Writes(string verb, IReadOnlyList<string> args) =>
        WriteVerbs.Any(w => verb == w || verb.StartsWith(w + " ", StringComparison.Ordinal)) && !(verb == "plan national" && args.Contains("--no-save"));

    public static void Record(ParseResult parse, StoreOption store, CliContext ctx, string[] args, int exit)
    {
        if (parse.Errors.Count > 0 || exit is ExitCodes.Usage or ExitCodes.Store) return;
        var verb = Verb(parse.CommandResult.Command);
        if (!Writes(verb, args)) return;
        try
        {
            var log = StoreOption.Audit(store.Open(parse, ctx));
            new Auditor(log, ctx.Clock).Record("cli:" + ctx.OsUser, "dala " + verb, string.Join(' ', WithoutStore(args)), "cli", exit);
        }
        catch (StoreException e)
        {
            ctx.ErrText.WriteLine($"warning: the audit log could not be written: {e.Message}");
        }
    }

    private static string Verb(Command c)
    {
        var names = new List<string>();
        for (Symbol? s = c; s is Command cmd and not RootCommand; s = s.Parents.FirstOrDefault()) names.Insert(0, cmd.Name);
        return string.Join(' ', names);
    }

    private static IEnumerable<string> WithoutStore(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--store") { i++; continue; }
            if (args[i].StartsWith("--store=", StringComparison.Ordinal)) continue;
            yield return args[i];
        }
    }
}
