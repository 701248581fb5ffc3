using Dala.Events.Model;
using Dala.Events.Store;
using Dala.Registry.Store;
using Npgsql;

namespace Dala.Storage.Postgres;

/// <summary>Mass events in the same PostgreSQL database as the registry (a reference table under Citus).</summary>
public sealed class PostgresEventStore(PostgresRegistryStore registry) : IEventStore
{
    private const string Columns = "id, name, place, starts_at, ends_at, crowd, synthetic, note";

    public bool Add(MassEvent e, string actor, DateTimeOffset at)
    {
        try
        {
            using var c = registry.Open();
            using var cmd = PgCommand.Create(c, "INSERT INTO events (id, name, place, starts_at, ends_at, crowd, synthetic, note, actor, created_at) " +
                                                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING",
                [e.Id, e.Name, PlaceJson.Write(e.Place), e.Start, e.End, e.ExpectedCrowd, e.Synthetic, e.Note, actor, at]);
            return cmd.ExecuteNonQuery() == 1;
        }
        catch (PostgresException ex)
        {
            throw new StoreException($"cannot add event {e.Id} to {registry.Describe()}: {ex.MessageText}", ex);
        }
    }

    public IReadOnlyList<MassEvent> List() => Read($"SELECT {Columns} FROM events ORDER BY starts_at DESC, id COLLATE \"C\"", []);

    public MassEvent? Get(string id) => Read($"SELECT {Columns} FROM events WHERE id = $1", [id]).FirstOrDefault();

    private List<MassEvent> Read(string sql, object?[] args)
    {
        using var c = registry.Open();
        using var cmd = PgCommand.Create(c, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<MassEvent>();
        while (r.Read())
            list.Add(new MassEvent(r.GetString(0), r.GetString(1), PlaceJson.Read(r.GetString(2)), PgCommand.Time(r, 3), PgCommand.Time(r, 4),
                r.GetInt32(5), r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetString(7)));
        return list;
    }
}
