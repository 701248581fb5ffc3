using Dala.Storage.Postgres;
using Npgsql;

namespace Dala.Storage.Tests;

/// <summary>
/// The throwaway PostgreSQL+PostGIS server ./test starts ($DALA_TEST_PG, a postgres:// URL of a superuser).
/// Each test gets a fresh database. Locally without it, PostgreSQL cases are left out with a visible skip;
/// with CI=true they run and fail.
/// </summary>
public static class PgServer
{
    public static string? Url { get; } = Environment.GetEnvironmentVariable("DALA_TEST_PG");

    public static bool Required => Environment.GetEnvironmentVariable("CI") == "true";

    private static readonly Lazy<string?> Problem = new(() =>
    {
        if (Url is null) return "DALA_TEST_PG is not set (./test starts a throwaway PostgreSQL and sets it)";
        try
        {
            using var c = new NpgsqlConnection(PostgresLocation.Parse(Url).ConnectionString);
            c.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or FormatException or ArgumentException)
        {
            return $"cannot connect to {Url}: {e.Message}";
        }
    });

    public static bool Available => Problem.Value is null;

    public static string? WhyNot => Problem.Value;

    /// <summary>A new empty database on the server; returns its postgres:// URL.</summary>
    public static string NewDatabase()
    {
        if (!Available) throw new InvalidOperationException("PostgreSQL is required here: " + WhyNot);
        var name = "dala_t_" + Guid.NewGuid().ToString("N")[..16];
        var admin = PostgresLocation.Parse(Url!);
        using (var c = new NpgsqlConnection(admin.ConnectionString))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            cmd.ExecuteNonQuery();
        }
        var u = new Uri(Url!);
        return $"{u.Scheme}://{u.UserInfo}@{u.Host}:{u.Port}/{name}";
    }
}

/// <summary>A test that needs the PostgreSQL server: skipped with the reason locally, run (and failing) with CI=true.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PgServer.Available && !PgServer.Required) Skip = "PostgreSQL not available: " + PgServer.WhyNot;
    }
}
