using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

/// <summary>A command with positional parameters ($1, $2, ...): null is a typed text NULL, times go in as UTC.</summary>
internal static class PgCommand
{
    public static NpgsqlCommand Create(NpgsqlConnection c, string sql, object?[] args)
    {
        var cmd = new NpgsqlCommand(sql, c);
        foreach (var a in args)
            cmd.Parameters.Add(a switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                DateTimeOffset t => new NpgsqlParameter { Value = t.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                _ => new NpgsqlParameter { Value = a },
            });
        return cmd;
    }

    public static DateTimeOffset Time(NpgsqlDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);
}
