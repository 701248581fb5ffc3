using Dala.Platform.Accounts;
using Dala.Registry.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>Users and API keys in the registry's PostgreSQL database (only hashes: no password or key is stored).</summary>
public sealed class PostgresAccountStore(PostgresRegistryStore registry) : IAccountStore
{
    private const string UserColumns = "id, name, role, operator_id, password_hash, disabled, created_at";
    private const string KeyColumns = "id, name, prefix, hash, role, operator_id, created_at, revoked_at";

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

    public User? User(string name) => Query($"SELECT {UserColumns} FROM users WHERE name = $1", ReadUser, name).FirstOrDefault();

    public IReadOnlyList<User> Users() => Query($"SELECT {UserColumns} FROM users ORDER BY name COLLATE \"C\"", ReadUser);

    public bool UpdateUser(string name, string passwordHash, bool disabled) =>
        Execute("UPDATE users SET password_hash = $2, disabled = $3 WHERE name = $1", name, passwordHash, disabled) == 1;

    public ApiKey AddKey(ApiKey key)
    {
        var id = (long)Scalar("INSERT INTO api_keys (name, prefix, hash, role, operator_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            key.Name, key.Prefix, key.Hash, key.Role.WireName(), key.OperatorId, key.CreatedAt)!;
        return key with { Id = id };
    }

    public ApiKey? KeyByHash(string hash) => Query($"SELECT {KeyColumns} FROM api_keys WHERE hash = $1", ReadKey, hash).FirstOrDefault();

    public IReadOnlyList<ApiKey> Keys() => Query($"SELECT {KeyColumns} FROM api_keys ORDER BY id", ReadKey);

    public bool RevokeKey(long id, DateTimeOffset at) =>
        Execute("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", id, at) == 1;

    private static User ReadUser(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), Roles.Parse(r.GetString(2)) ?? Role.Public,
        r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetBoolean(5), PgCommand.Time(r, 6));

    private static ApiKey ReadKey(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        Roles.Parse(r.GetString(4)) ?? Role.Public, r.IsDBNull(5) ? null : r.GetString(5), PgCommand.Time(r, 6),
        r.IsDBNull(7) ? null : PgCommand.Time(r, 7));

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
