using Dala.Quality.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>The keys of rows a migration moved (migration 0017 stores 0: SQLite has no MD5), computed once by the next writer.</summary>
internal static class SqliteMeasurementKeys
{
    /// <summary>Sets every row's key from its id, with the key index set aside meanwhile (inside the caller's write transaction).</summary>
    public static void Rebuild(SqliteConnection c)
    {
        string? index;
        using (var find = new SqliteStatement(c, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'measurements_key'"))
        {
            index = find.Step() ? find.ColumnText(0) : null;
            while (find.Step()) { }
        }
        if (index is not null) Run(c, "DROP INDEX measurements_key");
        using (var rows = new SqliteStatement(c, "SELECT rowid, id FROM measurements WHERE rowid > ?1 ORDER BY rowid LIMIT 65536"))
        using (var update = new SqliteStatement(c, "UPDATE measurements SET key = ?1 WHERE rowid = ?2"))
        {
            // A chunk is read to its end before its rows change (a key makes a row longer: pages may be rearranged under a reading statement).
            var chunk = new List<(long Row, long Key)>();
            for (var last = 0L; ; last = chunk[^1].Row)
            {
                chunk.Clear();
                rows.Integer(1, last);
                while (rows.Step()) chunk.Add((rows.ColumnInteger(0), MeasurementKeys.Key(rows.ColumnText(1)!)));
                if (chunk.Count == 0) break;
                foreach (var (row, key) in chunk)
                {
                    update.Integer(1, key);
                    update.Integer(2, row);
                    update.Execute();
                }
            }
        }
        if (index is not null) Run(c, index);
        Run(c, "DELETE FROM meta WHERE key = 'measurement_keys'");
    }

    private static void Run(SqliteConnection c, string sql)
    {
        using var s = new SqliteStatement(c, sql);
        s.Execute();
    }
}
