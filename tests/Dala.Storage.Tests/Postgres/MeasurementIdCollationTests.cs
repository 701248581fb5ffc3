using Dala.Storage.Postgres;
using Npgsql;

namespace Dala.Storage.Tests.Postgres;

/// <summary>Measurement ids compare byte by byte in PostgreSQL (migration 0019), as the embedded store compares them.</summary>
public sealed class MeasurementIdCollationTests
{
    [PostgresFact]
    public void Measurement_ids_sort_ordinally_whatever_the_database_locale()
    {
        var spec = PgServer.NewDatabase();
        using var store = new PostgresRegistryStore(spec);
        using var c = new NpgsqlConnection(PostgresLocation.Parse(spec).ConnectionString);
        c.Open();
        using (var cmd = new NpgsqlCommand("SELECT collation_name FROM information_schema.columns WHERE table_name = 'measurements' AND column_name = 'id'", c))
            Assert.Equal("C", cmd.ExecuteScalar());
        string[] ids = ["b-2", "B-10", "a", "_x", "é", "Z", "b-10"];
        using (var cmd = new NpgsqlCommand("CREATE TEMP TABLE t (LIKE measurements INCLUDING ALL)", c)) cmd.ExecuteNonQuery();
        foreach (var id in ids)
        {
            using var ins = new NpgsqlCommand("INSERT INTO t (id, time, month, source, kind, tests, valid, synthetic) VALUES ($1, now(), '2026-12', 'import', 0, 1, true, true)", c);
            ins.Parameters.AddWithValue(id);
            ins.ExecuteNonQuery();
        }
        var sorted = new List<string>();
        using (var cmd = new NpgsqlCommand("SELECT id FROM t ORDER BY id", c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) sorted.Add(r.GetString(0));
        }
        Assert.Equal(ids.Order(StringComparer.Ordinal), sorted);
    }
}
