using System.Globalization;
using Dala.Registry.Backup;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Backup with SQLite's online backup API (readers and writers may go on), or Dala's portable dump.</summary>
public sealed partial class SqliteRegistryStore : IRegistryBackup
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();

    public string Backup(string path, bool portable)
    {
        var tmp = path + ".partial";
        if (portable)
        {
            using (var f = File.Create(tmp)) PortableDump.Write(f, ReadSnapshot());
        }
        else
        {
            File.Delete(tmp);
            using var src = Open();
            using var dst = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = tmp, Pooling = false }.ToString());
            dst.Open();
            src.BackupDatabase(dst);
        }
        File.Move(tmp, path, overwrite: true);
        return $"{(portable ? "portable dump" : "SQLite backup")} of {Describe()} to {path} ({new FileInfo(path).Length:N0} bytes)";
    }

    private static long PageSize(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA page_size";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string Restore(string path, bool replace)
    {
        if (!File.Exists(path)) throw new StoreException($"{path}: no such backup file");
        if (PortableDump.Sniff(path))
        {
            using var f = File.OpenRead(path);
            PortableDump.Restore(this, PortableDump.Read(f, System.IO.Path.GetFileName(path)), replace);
            return $"restored the portable dump {path} into {Describe()}";
        }
        var head = new byte[16];
        using (var f = File.OpenRead(path)) f.ReadExactly(head.AsSpan(0, Math.Min(16, (int)f.Length)));
        if (!head.SequenceEqual(SqliteMagic)) throw new StoreException($"{path} is neither a SQLite backup nor a Dala portable dump");
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        source.Open();
        int version;
        try { version = SqliteMigrations.Current(source); }
        catch (SqliteException) { throw new StoreException($"{path} is a SQLite file but not a Dala store"); }
        SchemaScripts.EnsureKnown(version, SqliteMigrations.Latest, path);
        var before = ReadSnapshot();
        if (!before.IsEmpty && !replace)
            throw new StoreException($"{Describe()} is not empty ({before.Settlements.Count:N0} settlements): restore with --replace to overwrite it");
        using (var target = Open())
        {
            // SQLite's backup cannot change the page size of a database in WAL mode: a backup of an older store (4 KB
            // pages) goes into a newer one (16 KB) with the journal switched to DELETE for the copy, then back to WAL.
            if (PageSize(source) == PageSize(target)) source.BackupDatabase(target);
            else
            {
                SqliteConnection.ClearAllPools();
                Exec(target, "PRAGMA journal_mode = DELETE");
                source.BackupDatabase(target);
                Exec(target, "PRAGMA journal_mode = WAL");
            }
        }
        using (var c = Open())
        {
            SqliteMigrations.Apply(c, Describe());
            Exec(c, "UPDATE meta SET value = CAST(MAX(CAST(value AS INTEGER), " +
                    before.Revision.ToString(CultureInfo.InvariantCulture) + ") + 1 AS TEXT) WHERE key = 'revision'");
        }
        return $"restored the SQLite backup {path} (schema {version}) into {Describe()}";
    }
}
