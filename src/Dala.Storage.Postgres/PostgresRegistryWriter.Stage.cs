using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

internal sealed partial class PostgresRegistryWriter
{
    private void Stage<T>(IReadOnlyCollection<T> items, (string Name, NpgsqlDbType Type)[] columns,
        Func<T, object?[]> values, string moveSql)
    {
        if (items.Count == 0) return;
        _dirty = true;
        var defs = string.Join(", ", columns.Select(c => $"{c.Name} {SqlType(c.Type)}"));
        Exec($"CREATE TEMP TABLE _stage ({defs}) ON COMMIT DROP");
        using (var copy = connection.BeginBinaryImport($"COPY _stage ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var item in items)
            {
                var v = values(item);
                copy.StartRow();
                for (var i = 0; i < columns.Length; i++)
                {
                    if (v[i] is null) copy.WriteNull();
                    else copy.Write(v[i]!, columns[i].Type);
                }
            }
            copy.Complete();
        }
        Exec(moveSql);
        Exec("DROP TABLE _stage");
    }

    private static string SqlType(NpgsqlDbType t) => t switch
    {
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Double => "double precision",
        NpgsqlDbType.Bytea => "bytea",
        NpgsqlDbType.Date => "date",
        NpgsqlDbType.Boolean => "boolean",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };

    private int Exec(string sql, params object[] args)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        return cmd.ExecuteNonQuery();
    }
}
