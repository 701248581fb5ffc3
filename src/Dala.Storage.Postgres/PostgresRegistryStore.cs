using System.Data;
using System.Globalization;
using Dala.Registry.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>
/// The production store: PostgreSQL with PostGIS. Readers see one consistent snapshot (REPEATABLE READ);
/// writers serialise on an advisory lock held for their transaction, and give up cleanly after the lock timeout.
/// </summary>
public sealed partial class PostgresRegistryStore : IRegistryStore, IDisposable
{
    internal const long WriteLockKey = 0x44414C41_57524954; // "DALAWRIT"
    private readonly NpgsqlDataSource _data;
    private readonly TimeSpan _lockTimeout;

    public PostgresRegistryStore(string spec, TimeSpan? lockTimeout = null)
    {
        Connection = PostgresLocation.Parse(spec);
        _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30);
        _data = NpgsqlDataSource.Create(Connection.ConnectionString);
        try
        {
            using var c = _data.OpenConnection();
            AppliedMigrations = PostgresMigrations.Apply(c, Describe());
        }
        catch (NpgsqlException e)
        {
            _data.Dispose();
            throw new StoreException($"cannot open the store {Describe()}: {e.Message}", e);
        }
        catch
        {
            _data.Dispose();
            throw;
        }
    }

    public NpgsqlConnectionStringBuilder Connection { get; }

    public IReadOnlyList<int> AppliedMigrations { get; }

    public string Describe() => PostgresLocation.Describe(Connection);

    public long ReadRevision()
    {
        using var c = _data.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'revision'", c);
        return long.Parse((string)cmd.ExecuteScalar()!, CultureInfo.InvariantCulture);
    }

    public IRegistryWriter BeginWrite()
    {
        var c = _data.OpenConnection();
        try
        {
            var tx = c.BeginTransaction(IsolationLevel.ReadCommitted);
            PgStage.Exec(c, tx, $"SET LOCAL lock_timeout = '{(int)_lockTimeout.TotalMilliseconds}ms'");
            try
            {
                PgStage.Exec(c, tx, $"SELECT pg_advisory_xact_lock({WriteLockKey})");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                throw new StoreException($"{Describe()} is busy: another import holds the write lock (waited {_lockTimeout.TotalSeconds:0} s)", e);
            }
            PgStage.Exec(c, tx, "SET LOCAL lock_timeout = 0");
            return new PostgresRegistryWriter(c, tx, ReadSnapshot(c, tx));
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    internal NpgsqlConnection Open() => _data.OpenConnection();

    public void Dispose() => _data.Dispose();
}
