using Dala.Platform.Accounts;
using Dala.Registry.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>Users and API keys in the registry's PostgreSQL database (only hashes: no password or key is stored).</summary>
public sealed class PostgresAccountStore(PostgresRegistryStore registry) : IAccountStore
{
    private const string UserColumns = AccountRows.UserColumns;
    private const string KeyColumns = AccountRows.KeyColumns;
    private static readonly AccountRows Rows = new((r, i) => PgCommand.Time((NpgsqlDataReader)r, i));

    public User? AddUser(User user)
    {
        try
        {
            var id = Scalar("INSERT INTO users (name, role, operator_id, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6) " +
                            "ON CONFLICT (name) DO NOTHING RETURNING id",
                user.Name, user.Role.WireName(), user.OperatorId, user.PasswordHash, user.Disabled, user.CreatedAt);
            return id is long l ? user with { Id = l } : null;
        }
        catch (PostgresException e)
        {
            throw new StoreException($"cannot store a user in {registry.Describe()}: {e.MessageText}", e);
        }
    }

    public User? User(string name) => Query($"SELECT {UserColumns} FROM users WHERE name = $1", Rows.User, name).FirstOrDefault();

    public IReadOnlyList<User> Users() => Query($"SELECT {UserColumns} FROM users ORDER BY name COLLATE \"C\"", Rows.User);

    public bool UpdateUser(string name, string passwordHash, bool disabled) =>
        Execute("UPDATE users SET password_hash = $2, disabled = $3 WHERE name = $1", name, passwordHash, disabled) == 1;

    public ApiKey AddKey(ApiKey key)
    {
        var id = (long)Scalar("INSERT INTO api_keys (name, prefix, hash, role, operator_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            key.Name, key.Prefix, key.Hash, key.Role.WireName(), key.OperatorId, key.CreatedAt)!;
        return key with { Id = id };
    }

    public ApiKey? KeyByHash(string hash) => Query($"SELECT {KeyColumns} FROM api_keys WHERE hash = $1", Rows.Key, hash).FirstOrDefault();

    public IReadOnlyList<ApiKey> Keys() => Query($"SELECT {KeyColumns} FROM api_keys ORDER BY id", Rows.Key);

    public bool RevokeKey(long id, DateTimeOffset at) =>
        Execute("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", id, at) == 1;

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] args)
    {
        using var c = registry.Open();
        using var cmd = PgCommand.Create(c, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private object? Scalar(string sql, params object?[] args)
    {
        using var c = registry.Open();
        using var cmd = PgCommand.Create(c, sql, args);
        return cmd.ExecuteScalar();
    }

    private int Execute(string sql, params object?[] args)
    {
        using var c = registry.Open();
        using var cmd = PgCommand.Create(c, sql, args);
        return cmd.ExecuteNonQuery();
    }
}
