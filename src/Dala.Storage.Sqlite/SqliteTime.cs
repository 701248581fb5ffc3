using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Times as ISO 8601 UTC text, and commands with positional parameters $1, $2, ... (null as NULL).</summary>
internal static class SqliteTime
{
    public static string Write(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Read(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static SqliteCommand Command(SqliteConnection c, string sql, object?[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
        return cmd;
    }
}
