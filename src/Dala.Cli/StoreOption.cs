using System.CommandLine;
using Dala.Registry.Store;
using Dala.Storage.Sqlite;

namespace Dala.Cli;

/// <summary>--store on every verb: a SQLite file path (default dala.db in the working folder, or $DALA_STORE).</summary>
public sealed class StoreOption
{
    public const string DefaultFile = "dala.db";

    public Option<string?> Option { get; } = new("--store")
    {
        Description = $"The store: a SQLite file (created when missing). Default: $DALA_STORE or ./{DefaultFile}",
        HelpName = "PATH",
        Recursive = true,
    };

    public string Spec(ParseResult r, CliContext ctx) => r.GetValue(Option) ?? ctx.Environment("DALA_STORE") ?? DefaultFile;

    public IRegistryStore Open(ParseResult r, CliContext ctx) => new SqliteRegistryStore(ctx.FullPath(Spec(r, ctx)));
}
