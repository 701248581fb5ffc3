using System.CommandLine;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;

namespace Dala.Cli.Commands;

/// <summary>dala migrate | backup FILE | restore FILE — looking after the store itself.</summary>
public static class StoreCommands
{
    public static Command Migrate(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("migrate", "Bring the store's schema up to date (also done on every start); refuses a schema newer than this Dala.");
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var (applied, version) = s switch
            {
                SqliteRegistryStore q => (q.AppliedMigrations, SqliteMigrations.Latest),
                PostgresRegistryStore p => (p.AppliedMigrations, PostgresMigrations.Latest),
                _ => throw new CliException("this store has no migrations"),
            };
            ctx.Out.WriteLine(applied.Count == 0
                ? $"{s.Describe()}: schema up to date (version {version})."
                : $"{s.Describe()}: applied schema version(s) {string.Join(", ", applied)}; now at version {version}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command Backup(StoreOption store, CliContext ctx)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the backup" };
        var portable = new Option<bool>("--portable") { Description = "Write Dala's portable dump (restores into any store) instead of the native format" };
        var cmd = new Command("backup", "Back up the whole store: SQLite online backup or pg_dump, or Dala's portable dump.") { file, portable };
        cmd.SetAction(r =>
        {
            ctx.Out.WriteLine(Backups(store.Open(r, ctx)).Backup(ctx.FullPath(r.GetValue(file)!), r.GetValue(portable)));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command Restore(StoreOption store, CliContext ctx)
    {
        var file = new Argument<string>("FILE") { Description = "A backup written by dala backup (native or portable)" };
        var replace = new Option<bool>("--replace") { Description = "Overwrite a store that is not empty" };
        var cmd = new Command("restore", "Restore a backup into the store (all or nothing); a non-empty store needs --replace.") { file, replace };
        cmd.SetAction(r =>
        {
            try
            {
                ctx.Out.WriteLine(Backups(store.Open(r, ctx)).Restore(ctx.FullPath(r.GetValue(file)!), r.GetValue(replace)));
            }
            catch (FormatException e)
            {
                throw new CliException($"nothing was restored: {e.Message}", ExitCodes.Rejected);
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static IRegistryBackup Backups(IRegistryStore s) =>
        s as IRegistryBackup ?? throw new CliException($"{s.Describe()} cannot be backed up");
}
