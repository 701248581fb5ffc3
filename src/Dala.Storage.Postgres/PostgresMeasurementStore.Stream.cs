using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Npgsql;

namespace Dala.Storage.Postgres;

public sealed partial class PostgresMeasurementStore
{
    public IEnumerable<Measurement> Tests(TestQuery query)
    {
        using var c = registry.Open();
        using var cmd = new NpgsqlCommand { Connection = c };
        var w = "kind = 0 AND time >= $1 AND time < $2";
        cmd.Parameters.Add(new NpgsqlParameter { Value = query.From.ToUniversalTime() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = query.To.ToUniversalTime() });
        void Add(string column, object? value)
        {
            if (value is null) return;
            cmd.Parameters.Add(new NpgsqlParameter { Value = value });
            w += $" AND {column} = ${cmd.Parameters.Count}";
        }
        Add("access", query.Access?.WireName());
        Add("region_code", query.Region);
        Add("operator_id", query.Operator);
        Add("settlement_id", query.SettlementId);
        if (query.ValidOnly) w += " AND valid";
        if (!query.IncludeSynthetic) w += " AND NOT synthetic";
        cmd.CommandText = $"SELECT {Columns} FROM measurements WHERE {w} ORDER BY time, id COLLATE \"C\"";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return ReadMeasurement(r);
    }
}
