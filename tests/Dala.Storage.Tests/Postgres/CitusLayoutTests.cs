using System.Text.RegularExpressions;
using Dala.Storage.Postgres;
using Npgsql;

namespace Dala.Storage.Tests.Postgres;

/// <summary>The schema follows the Citus plan in Citus/distribute.sql: no foreign keys, distribution columns in every unique key.</summary>
public sealed partial class CitusLayoutTests
{
    [PostgresFact]
    public void Schema_can_be_distributed_as_planned()
    {
        var spec = PgServer.NewDatabase();
        using var store = new PostgresRegistryStore(spec);
        var plan = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Citus", "distribute.sql"));
        var distributed = Distributed().Matches(plan).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var reference = Reference().Matches(plan).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(["connectivity", "coverage_settlements", "measurements", "plan_fibre", "plan_settlements", "plan_sites", "settlements"],
            distributed.Keys.Order());

        using var c = new NpgsqlConnection(PostgresLocation.Parse(spec).ConnectionString);
        c.Open();
        var tables = Query(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'");
        Assert.Equal(tables.Order(), distributed.Keys.Concat(reference).Order());
        Assert.Empty(Query(c, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"));
        foreach (var (table, column) in distributed)
        {
            var keys = Query(c, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = $1::regclass", table);
            Assert.NotEmpty(keys);
            Assert.All(keys, k => Assert.Contains(column, k));
        }
    }

    private static List<string> Query(NpgsqlConnection c, string sql, params object[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    [GeneratedRegex(@"create_distributed_table\('(\w+)', '(\w+)'")]
    private static partial Regex Distributed();

    [GeneratedRegex(@"create_reference_table\('(\w+)'\)")]
    private static partial Regex Reference();
}
