using System.Globalization;
using Dala.Events.Model;
using Dala.Events.Store;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>Mass events in the same SQLite file as the registry.</summary>
public sealed class SqliteEventStore(SqliteRegistryStore registry) : IEventStore
{
    private const string Columns = "id, name, place, starts_at, ends_at, crowd, synthetic, note";

    public bool Add(MassEvent e, string actor, DateTimeOffset at)
    {
        try
        {
            using var c = registry.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO events (id, name, place, starts_at, ends_at, crowd, synthetic, note, actor, created_at) " +
                              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING";
            object?[] args = [e.Id, e.Name, PlaceJson.Write(e.Place), Time(e.Start), Time(e.End), e.ExpectedCrowd, e.Synthetic ? 1 : 0, e.Note, actor, Time(at)];
            for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
            return cmd.ExecuteNonQuery() == 1;
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"cannot add event {e.Id} to {registry.Describe()}: {ex.Message}", ex);
        }
    }

    public IReadOnlyList<MassEvent> List() => Read($"SELECT {Columns} FROM events ORDER BY starts_at DESC, id", null);

    public MassEvent? Get(string id) => Read($"SELECT {Columns} FROM events WHERE id = $1", id).FirstOrDefault();

    private List<MassEvent> Read(string sql, string? id)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        if (id is not null) cmd.Parameters.AddWithValue("$1", id);
        using var r = cmd.ExecuteReader();
        var list = new List<MassEvent>();
        while (r.Read())
            list.Add(new MassEvent(r.GetString(0), r.GetString(1), PlaceJson.Read(r.GetString(2)), Time(r.GetString(3)), Time(r.GetString(4)),
                r.GetInt32(5), r.GetInt64(6) != 0, r.IsDBNull(7) ? null : r.GetString(7)));
        return list;
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
