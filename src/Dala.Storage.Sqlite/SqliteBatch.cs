using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>One prepared statement run once per item inside a transaction; parameters $1..$n take the item's values.</summary>
internal static class SqliteBatch
{
    public static void Run<T>(SqliteConnection connection, SqliteTransaction tx, IEnumerable<T> items, string sql, Func<T, object?[]> values)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var n = sql.Count(ch => ch == '$');
        var ps = Enumerable.Range(1, n).Select(i => cmd.Parameters.Add("$" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Blob)).ToArray();
        cmd.Prepare();
        foreach (var item in items)
        {
            var v = values(item);
            for (var i = 0; i < ps.Length; i++)
            {
                ps[i].SqliteType = v[i] switch { byte[] => SqliteType.Blob, string => SqliteType.Text, double => SqliteType.Real, null => SqliteType.Text, _ => SqliteType.Integer };
                ps[i].Value = v[i] ?? DBNull.Value;
            }
            cmd.ExecuteNonQuery();
        }
    }
}
