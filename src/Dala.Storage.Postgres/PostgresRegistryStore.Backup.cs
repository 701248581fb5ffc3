using System.Diagnostics;
using System.Globalization;
using Dala.Registry.Backup;
using Dala.Registry.Store;

namespace Dala.Storage.Postgres;

/// <summary>Backup with pg_dump (custom format) and restore with pg_restore when they are installed; Dala's portable dump otherwise.</summary>
public sealed partial class PostgresRegistryStore : IRegistryBackup
{
    private static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    public string Backup(string path, bool portable)
    {
        var tmp = path + ".partial";
        var tool = portable ? null : Tool("pg_dump");
        if (tool is null)
        {
            using (var f = File.Create(tmp)) PortableDump.Write(f, ReadSnapshot());
            File.Move(tmp, path, overwrite: true);
            var why = portable ? "" : " (pg_dump is not installed)";
            return $"portable dump of {Describe()} to {path}{why} ({new FileInfo(path).Length:N0} bytes)";
        }
        Run(tool, "--format=custom", "--no-owner", "--no-privileges", "--file=" + tmp, "--dbname=" + DbName());
        File.Move(tmp, path, overwrite: true);
        return $"pg_dump of {Describe()} to {path} ({new FileInfo(path).Length:N0} bytes)";
    }

    public string Restore(string path, bool replace)
    {
        if (!File.Exists(path)) throw new StoreException($"{path}: no such backup file");
        if (PortableDump.Sniff(path))
        {
            using var f = File.OpenRead(path);
            PortableDump.Restore(this, PortableDump.Read(f, Path.GetFileName(path)), replace);
            return $"restored the portable dump {path} into {Describe()}";
        }
        var head = new byte[5];
        using (var f = File.OpenRead(path)) f.ReadAtLeast(head, 5, throwOnEndOfStream: false);
        if (!head.SequenceEqual(PgDumpMagic)) throw new StoreException($"{path} is neither a pg_dump custom-format file nor a Dala portable dump");
        var tool = Tool("pg_restore") ?? throw new StoreException($"{path} is a pg_dump file but pg_restore is not installed");
        var before = ReadSnapshot();
        if (!before.IsEmpty && !replace)
            throw new StoreException($"{Describe()} is not empty ({before.Settlements.Count:N0} settlements): restore with --replace to overwrite it");
        Run(tool, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname=" + DbName(), path);
        using (var c = Open())
        {
            PostgresMigrations.Apply(c, Describe());
            PgStage.Exec(c, null, "UPDATE meta SET value = (GREATEST(value::bigint, " +
                before.Revision.ToString(CultureInfo.InvariantCulture) + ") + 1)::text WHERE key = 'revision'");
        }
        return $"restored the pg_dump file {path} into {Describe()}";
    }

    private string DbName()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(Connection.ConnectionString) { Password = null };
        return $"host={b.Host} port={b.Port} dbname={b.Database} user={b.Username}" + (b.SslMode != Npgsql.SslMode.Disable ? "" : " sslmode=disable");
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (Connection.Password is { } pw) psi.Environment["PGPASSWORD"] = pw;
        using var p = Process.Start(psi) ?? throw new StoreException($"cannot start {tool}");
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new StoreException($"{Path.GetFileName(tool)} failed ({p.ExitCode}): {err.Result.Trim()}");
    }
}
