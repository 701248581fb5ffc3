using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

/// <summary>Binary COPY of items into a temporary staging table, then one statement moves them (INSERT ... SELECT ... FROM _stage).</summary>
internal static class PgStage
{
    public static void Run<T>(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<T> items, (string Name, NpgsqlDbType Type)[] columns,
        Func<T, object?[]> values, string moveSql)
    {
        var defs = string.Join(", ", columns.Select(c => $"{c.Name} {SqlType(c.Type)}"));
        Exec(connection, tx, $"CREATE TEMP TABLE _stage ({defs}) ON COMMIT DROP");
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
        Exec(connection, tx, moveSql);
        Exec(connection, tx, "DROP TABLE _stage");
    }

    public static int Exec(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params object[] args)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        return cmd.ExecuteNonQuery();
    }

    private static string SqlType(NpgsqlDbType t) => t switch
    {
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Bigint => "bigint",
        NpgsqlDbType.Double => "double precision",
        NpgsqlDbType.Bytea => "bytea",
        NpgsqlDbType.Date => "date",
        NpgsqlDbType.Boolean => "boolean",
        NpgsqlDbType.Smallint => "smallint",
        NpgsqlDbType.TimestampTz => "timestamptz",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };
}
