using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>
/// Where the production store is: a postgres:// URL (postgres://user:password@host:port/db?sslmode=require)
/// or a standard Npgsql connection string (Host=...;Database=...).
/// </summary>
public static class PostgresLocation
{
    public static bool IsPostgres(string spec) =>
        spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        spec.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    public static NpgsqlConnectionStringBuilder Parse(string spec)
    {
        if (!spec.Contains("://", StringComparison.Ordinal)) return new NpgsqlConnectionStringBuilder(spec);
        if (!Uri.TryCreate(spec, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            throw new FormatException($"'{spec}' is not a postgres:// URL");
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            b[key == "sslmode" ? "SSL Mode" : key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return b;
    }

    /// <summary>The connection without its password, for messages.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder b) => $"PostgreSQL {b.Username}@{b.Host}:{b.Port}/{b.Database}";
}
