using System.Globalization;
using Dala.Permits.Model;
using Dala.Permits.Store;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>
/// Permit requests and offered sites in the same SQLite file as the registry. A save is one transaction (BEGIN
/// IMMEDIATE): each row is upserted by id, and only a row that differs from the stored one counts as stored.
/// </summary>
public sealed class SqlitePermitStore(SqliteRegistryStore registry) : IPermitStore
{
    private const string RequestColumns = "request_id, operator, region, opened, lon, lat, site_id, land_allotted, power_connected, design_approved, permit_issued, built, on_air";
    private const string SiteColumns = "site_id, region, name, lon, lat, offered, offered_by, building, taken_by";

    public PermitSaveResult Save(IReadOnlyList<PermitRequest> requests) =>
        Upsert("permit_requests", RequestColumns, requests, r => [r.RequestId, r.Operator, r.Region, Day(r.Opened), r.Lon, r.Lat, r.SiteId,
            Day(r.LandAllotted), Day(r.PowerConnected), Day(r.DesignApproved), Day(r.PermitIssued), Day(r.Built), Day(r.OnAir)], "permit requests");

    public PermitSaveResult SaveSites(IReadOnlyList<OfferedSite> sites) =>
        Upsert("permit_sites_offered", SiteColumns, sites, s => [s.SiteId, s.Region, s.Name, s.Lon, s.Lat, Day(s.Offered), s.OfferedBy, s.Building, s.TakenBy],
            "offered sites");

    public IReadOnlyList<PermitRequest> List(PermitFilter filter) =>
        Query($"SELECT {RequestColumns} FROM permit_requests WHERE ($1 IS NULL OR region = $1) AND ($2 IS NULL OR operator = $2) " +
              "AND ($3 IS NULL OR ($3 = 'on_air') = (on_air IS NOT NULL)) ORDER BY request_id", ReadRequest, filter.Region, filter.Operator, filter.Status);

    public PermitRequest? Get(string requestId) =>
        Query($"SELECT {RequestColumns} FROM permit_requests WHERE request_id = $1", ReadRequest, requestId).FirstOrDefault();

    public IReadOnlyList<OfferedSite> Sites(string? region = null) =>
        Query($"SELECT {SiteColumns} FROM permit_sites_offered WHERE ($1 IS NULL OR region = $1) ORDER BY site_id",
            r => new OfferedSite(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4), Day(r.GetString(5)), r.GetString(6),
                Text(r, 7), Text(r, 8)), region);

    private static PermitRequest ReadRequest(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Day(r.GetString(3)), r.IsDBNull(4) ? null : r.GetDouble(4), r.IsDBNull(5) ? null : r.GetDouble(5),
            Text(r, 6), Date(r, 7), Date(r, 8), Date(r, 9), Date(r, 10), Date(r, 11), Date(r, 12));

    private PermitSaveResult Upsert<T>(string table, string columns, IReadOnlyList<T> items, Func<T, object?[]> values, string what)
    {
        var names = columns.Split(", ");
        var rest = names.Skip(1).ToArray();
        var sql = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))}) " +
                  $"ON CONFLICT ({names[0]}) DO UPDATE SET {string.Join(", ", rest.Select(c => $"{c} = excluded.{c}"))} " +
                  $"WHERE ({string.Join(", ", rest)}) IS NOT ({string.Join(", ", rest.Select(c => "excluded." + c))})";
        try
        {
            using var c = registry.Open();
            using var tx = c.BeginTransaction(deferred: false);
            var stored = 0;
            foreach (var item in items)
            {
                using var cmd = Command(c, tx, sql, values(item));
                stored += cmd.ExecuteNonQuery();
            }
            tx.Commit();
            return new PermitSaveResult(stored, items.Count - stored);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot save {what} in {registry.Describe()}: {e.Message}", e);
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params object?[] args)
    {
        using var c = registry.Open();
        using var cmd = Command(c, null, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, object?[] args)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i] ?? DBNull.Value);
        return cmd;
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Day(r.GetString(i));

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
