using Dala.Permits.Model;
using Dala.Permits.Store;
using Dala.Registry.Store;
using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

/// <summary>
/// Permit requests and offered sites in the same PostgreSQL database as the registry. A save is one transaction: each
/// row is upserted by id, and only a row that differs from the stored one counts as stored.
/// </summary>
public sealed class PostgresPermitStore(PostgresRegistryStore registry) : IPermitStore
{
    private const string RequestColumns = "request_id, operator, region, opened, lon, lat, site_id, land_allotted, power_connected, design_approved, permit_issued, built, on_air";
    private const string SiteColumns = "site_id, region, name, lon, lat, offered, offered_by, building, taken_by";

    public PermitSaveResult Save(IReadOnlyList<PermitRequest> requests) =>
        Upsert("permit_requests", RequestColumns, requests, r => [T(r.RequestId), T(r.Operator), T(r.Region), D(r.Opened), F(r.Lon), F(r.Lat), T(r.SiteId),
            D(r.LandAllotted), D(r.PowerConnected), D(r.DesignApproved), D(r.PermitIssued), D(r.Built), D(r.OnAir)], "permit requests");

    public PermitSaveResult SaveSites(IReadOnlyList<OfferedSite> sites) =>
        Upsert("permit_sites_offered", SiteColumns, sites, s => [T(s.SiteId), T(s.Region), T(s.Name), F(s.Lon), F(s.Lat), D(s.Offered), T(s.OfferedBy),
            T(s.Building), T(s.TakenBy)], "offered sites");

    public IReadOnlyList<PermitRequest> List(PermitFilter filter) =>
        Query($"SELECT {RequestColumns} FROM permit_requests WHERE ($1::text IS NULL OR region = $1) AND ($2::text IS NULL OR operator = $2) " +
              "AND ($3::text IS NULL OR ($3 = 'on_air') = (on_air IS NOT NULL)) ORDER BY request_id COLLATE \"C\"", ReadRequest,
            T(filter.Region), T(filter.Operator), T(filter.Status));

    public PermitRequest? Get(string requestId) =>
        Query($"SELECT {RequestColumns} FROM permit_requests WHERE request_id = $1", ReadRequest, T(requestId)).FirstOrDefault();

    public IReadOnlyList<OfferedSite> Sites(string? region = null) =>
        Query($"SELECT {SiteColumns} FROM permit_sites_offered WHERE ($1::text IS NULL OR region = $1) ORDER BY site_id COLLATE \"C\"",
            r => new OfferedSite(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4), r.GetFieldValue<DateOnly>(5), r.GetString(6),
                Text(r, 7), Text(r, 8)), T(region));

    private static PermitRequest ReadRequest(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetDouble(5),
            Text(r, 6), Date(r, 7), Date(r, 8), Date(r, 9), Date(r, 10), Date(r, 11), Date(r, 12));

    private PermitSaveResult Upsert<TItem>(string table, string columns, IReadOnlyList<TItem> items, Func<TItem, NpgsqlParameter[]> values, string what)
    {
        var names = columns.Split(", ");
        var rest = names.Skip(1).ToArray();
        var sql = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => $"${i + 1}"))}) " +
                  $"ON CONFLICT ({names[0]}) DO UPDATE SET {string.Join(", ", rest.Select(c => $"{c} = excluded.{c}"))} " +
                  $"WHERE ({string.Join(", ", rest.Select(c => $"{table}.{c}"))}) IS DISTINCT FROM ({string.Join(", ", rest.Select(c => "excluded." + c))})";
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction();
            var stored = 0;
            foreach (var item in items)
            {
                using var cmd = new NpgsqlCommand(sql, c, tx);
                cmd.Parameters.AddRange(values(item));
                stored += cmd.ExecuteNonQuery();
            }
            tx.Commit();
            return new PermitSaveResult(stored, items.Count - stored);
        }
        catch (PostgresException e)
        {
            throw new StoreException($"cannot save {what} in {registry.Describe()}: {e.MessageText}", e);
        }
    }

    private List<TRow> Query<TRow>(string sql, Func<NpgsqlDataReader, TRow> map, params NpgsqlParameter[] args)
    {
        using var c = registry.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddRange(args);
        using var r = cmd.ExecuteReader();
        var list = new List<TRow>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static NpgsqlParameter T(string? v) => new() { Value = (object?)v ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter D(DateOnly? v) => new() { Value = v is { } d ? d : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date };

    private static NpgsqlParameter F(double? v) => new() { Value = v is { } x ? x : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
