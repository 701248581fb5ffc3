using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteMeasurementStore
{
    public IEnumerable<Measurement> Tests(TestQuery query)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        var w = "kind = 0 AND time_us >= $from AND time_us < $to";
        cmd.Parameters.AddWithValue("$from", Microseconds(query.From));
        cmd.Parameters.AddWithValue("$to", Microseconds(query.To));
        void Add(string column, object? value)
        {
            if (value is null) return;
            var p = "$q" + cmd.Parameters.Count;
            cmd.Parameters.AddWithValue(p, value);
            w += $" AND {column} = {p}";
        }
        Add("access", query.Access?.WireName());
        Add("region_code", query.Region);
        Add("operator_id", query.Operator);
        Add("settlement_id", query.SettlementId);
        if (query.ValidOnly) w += " AND valid = 1";
        if (!query.IncludeSynthetic) w += " AND synthetic = 0";
        cmd.CommandText = $"SELECT {Columns} FROM measurements WHERE {w} ORDER BY time_us, id";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return ReadMeasurement(r);
    }
}
