using System.Data.Common;

namespace Dala.Platform.Accounts;

/// <summary>
/// Reads users and API keys from rows selected as <see cref="UserColumns"/> and <see cref="KeyColumns"/>, for every
/// account store (SQLite and PostgreSQL select the same columns of the same tables; ADO.NET's reader, no engine). Each
/// store says how it reads a time (SQLite keeps ISO text, PostgreSQL timestamptz). An unknown role reads as public.
/// </summary>
public sealed class AccountRows(Func<DbDataReader, int, DateTimeOffset> time)
{
    public const string UserColumns = "id, name, role, operator_id, password_hash, disabled, created_at";

    public const string KeyColumns = "id, name, prefix, hash, role, operator_id, created_at, revoked_at";

    public User User(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), Roles.Parse(r.GetString(2)) ?? Role.Public,
        Text(r, 3), r.GetString(4), r.GetBoolean(5), time(r, 6));

    public ApiKey Key(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        Roles.Parse(r.GetString(4)) ?? Role.Public, Text(r, 5), time(r, 6), r.IsDBNull(7) ? null : time(r, 7));

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
