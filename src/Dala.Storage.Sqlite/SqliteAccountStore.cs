using System.Globalization;
using Dala.Platform.Accounts;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Users and API keys in the same SQLite file as the registry (only hashes: no password or key is stored).</summary>
public sealed class SqliteAccountStore(SqliteRegistryStore registry) : IAccountStore
{
    private const string UserColumns = AccountRows.UserColumns;
    private const string KeyColumns = AccountRows.KeyColumns;
    private static readonly AccountRows Rows = new((r, i) => SqliteTime.Read(r.GetString(i)));

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

    public User? User(string name) => Query($"SELECT {UserColumns} FROM users WHERE name = $1", Rows.User, name).FirstOrDefault();

    public IReadOnlyList<User> Users() => Query($"SELECT {UserColumns} FROM users ORDER BY name", Rows.User);

    public bool UpdateUser(string name, string passwordHash, bool disabled) =>
        Execute("UPDATE users SET password_hash = $2, disabled = $3 WHERE name = $1", name, passwordHash, disabled ? 1 : 0) == 1;

    public ApiKey AddKey(ApiKey key)
    {
        var id = Scalar("INSERT INTO api_keys (name, prefix, hash, role, operator_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            key.Name, key.Prefix, key.Hash, key.Role.WireName(), key.OperatorId, SqliteTime.Write(key.CreatedAt));
        return key with { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture) };
    }

    public ApiKey? KeyByHash(string hash) => Query($"SELECT {KeyColumns} FROM api_keys WHERE hash = $1", Rows.Key, hash).FirstOrDefault();

    public IReadOnlyList<ApiKey> Keys() => Query($"SELECT {KeyColumns} FROM api_keys ORDER BY id", Rows.Key);

    public bool RevokeKey(long id, DateTimeOffset at) =>
        Execute("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", id, SqliteTime.Write(at)) == 1;

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
