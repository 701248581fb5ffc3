using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Dala.Cli.Commands;
using Dala.Registry.Store;

namespace Dala.Cli;

/// <summary>The `dala` command line: serve | import | status | export | scenario | migrate | backup | restore | users | keys | audit ...</summary>
public static class DalaCli
{
    public const int HelpWidth = 100;

    public static RootCommand Build(CliContext ctx) => Build(ctx, new StoreOption());

    private static RootCommand Build(CliContext ctx, StoreOption store)
    {
        var root = new RootCommand("Dala: the national broadband programme registry, map and progress to the targets.")
        {
            store.Option,
            ServeCommand.Build(store, ctx),
            WorkerCommand.Build(store, ctx),
            ImportCommand.Build(store, ctx),
            StatusCommand.Build(store, ctx),
            ExportCommand.Build(store, ctx),
            ScenarioCommand.Build(store, ctx),
            RadioCommand.Build(store, ctx),
            FibreCommand.Build(store, ctx),
            PlanCommand.Build(store, ctx),
            QualityCommand.Build(store, ctx),
            StoreCommands.Migrate(store, ctx),
            StoreCommands.Backup(store, ctx),
            StoreCommands.Restore(store, ctx),
            UsersCommand.Build(store, ctx),
            KeysCommand.Build(store, ctx),
            AuditCommand.Build(store, ctx),
            IndicatorsCommand.Build(store, ctx),
            ReportCommand.Build(store, ctx),
            EventsCommand.Build(store, ctx),
            PermitsCommand.Build(store, ctx),
        };
        root.HelpName = "dala";
        foreach (var help in Descendants(root).SelectMany(c => c.Options).OfType<HelpOption>())
            help.Action = new HelpAction { MaxWidth = HelpWidth };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var store = new StoreOption();
        var parse = Build(ctx, store).Parse(args);
        var config = new InvocationConfiguration { Output = ctx.OutText, Error = ctx.ErrText, EnableDefaultExceptionHandler = false };
        var exit = await Invoke(parse, config, ctx);
        CliAudit.Record(parse, store, ctx, args, exit);
        return exit;
    }

    private static async Task<int> Invoke(ParseResult parse, InvocationConfiguration config, CliContext ctx)
    {
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (StoreException e)
        {
            ctx.Err.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.Store;
        }
        catch (CliException e)
        {
            ctx.Err.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return e.ExitCode;
        }
    }

    public static IEnumerable<Command> Descendants(Command c) => new[] { c }.Concat(c.Subcommands.SelectMany(Descendants));
}

/// <summary>A failure to report to the user in one line, with an exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
