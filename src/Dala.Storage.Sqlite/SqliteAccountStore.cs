using System.Globalization;
using Dala.Platform.Accounts;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Users and API keys in the same SQLite file as the registry (only hashes: no password or key is stored).</summary>
public sealed class SqliteAccountStore(SqliteRegistryStore registry) : IAccountStore
{
    private const string UserColumns = "id, name, role, operator_id, password_hash, disabled, created_at";
    private const string KeyColumns = "id, name, prefix, hash, role, operator_id, created_at, revoked_at";

    public User? AddUser(User user)
    {
        try
        {
            var id = Scalar("INSERT INTO users (name, role, operator_id, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6) " +
                            "ON CONFLICT (name) DO NOTHING RETURNING id",
                user.Name, user.Role.WireName(), user.OperatorId, user.PasswordHash, user.Disabled ? 1 : 0, SqliteTime.Write(user.CreatedAt));
            return id is null ? null : user with { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture) };
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot store a user in {registry.Describe()}: {e.Message}", e);
        }
    }

    public User? User(string name) => Query($"SELECT {UserColumns} FROM users WHERE name = $1", ReadUser, name).FirstOrDefault();

    public IReadOnlyList<User> Users() => Query($"SELECT {UserColumns} FROM users ORDER BY name", ReadUser);

    public bool UpdateUser(string name, string passwordHash, bool disabled) =>
        Execute("UPDATE users SET password_hash = $2, disabled = $3 WHERE name = $1", name, passwordHash, disabled ? 1 : 0) == 1;

    public ApiKey AddKey(ApiKey key)
    {
        var id = Scalar("INSERT INTO api_keys (name, prefix, hash, role, operator_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            key.Name, key.Prefix, key.Hash, key.Role.WireName(), key.OperatorId, SqliteTime.Write(key.CreatedAt));
        return key with { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture) };
    }

    public ApiKey? KeyByHash(string hash) => Query($"SELECT {KeyColumns} FROM api_keys WHERE hash = $1", ReadKey, hash).FirstOrDefault();

    public IReadOnlyList<ApiKey> Keys() => Query($"SELECT {KeyColumns} FROM api_keys ORDER BY id", ReadKey);

    public bool RevokeKey(long id, DateTimeOffset at) =>
        Execute("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", id, SqliteTime.Write(at)) == 1;

    private static User ReadUser(SqliteDataReader r) => new(r.GetInt64(0), r.GetString(1), Roles.Parse(r.GetString(2)) ?? Role.Public,
        r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetInt64(5) != 0, SqliteTime.Read(r.GetString(6)));

    private static ApiKey ReadKey(SqliteDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        Roles.Parse(r.GetString(4)) ?? Role.Public, r.IsDBNull(5) ? null : r.GetString(5), SqliteTime.Read(r.GetString(6)),
        r.IsDBNull(7) ? null : SqliteTime.Read(r.GetString(7)));

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params object?[] args)
    {
        using var c = registry.Open();
        using var cmd = SqliteTime.Command(c, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private object? Scalar(string sql, params object?[] args)
    {
        using var c = registry.Open();
        using var cmd = SqliteTime.Command(c, sql, args);
        return cmd.ExecuteScalar();
    }

    private int Execute(string sql, params object?[] args)
    {
        using var c = registry.Open();
        using var cmd = SqliteTime.Command(c, sql, args);
        return cmd.ExecuteNonQuery();
    }
}
