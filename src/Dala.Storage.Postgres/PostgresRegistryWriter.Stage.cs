using NpgsqlTypes;

namespace Dala.Storage.Postgres;

internal sealed partial class PostgresRegistryWriter
{
    private void Stage<T>(IReadOnlyCollection<T> items, (string Name, NpgsqlDbType Type)[] columns, Func<T, object?[]> values, string moveSql)
    {
        if (items.Count == 0) return;
        _dirty = true;
        PgStage.Run(connection, tx, items, columns, values, moveSql);
    }

    private int Exec(string sql, params object[] args) => PgStage.Exec(connection, tx, sql, args);
}
