using Dala.Rollout.Plans;
using Microsoft.Data.Sqlite;

namespace Dala.Storage.Sqlite;

/// <summary>One typed row per settlement line, fibre segment and site; the ordinal keeps the plan's order.</summary>
public sealed partial class SqlitePlanStore
{
    private const string SettlementColumns =
        "settlement_id, name, region, lon, lat, population, population_estimated, technology, option, year, capex_tenge, opex_tenge_per_year, " +
        "npv_tenge, meets_100mbps, busy_hour_mbps_per_subscriber, reason, facility, fibre_parent, fibre_km, interim_year, interim_technology, " +
        "earliest_year, binding";

    private const string FibreColumns = "from_lon, from_lat, to_lon, to_lat, km, capex_tenge, year, region";

    private const string SiteColumns = "site_id, kind, lon, lat, region, year, capex_tenge, settlements, candidate";

    private static readonly string SettlementInsert = Insert("plan_settlements", SettlementColumns);
    private static readonly string FibreInsert = Insert("plan_fibre", FibreColumns);
    private static readonly string SiteInsert = Insert("plan_sites", SiteColumns);

    private static string Insert(string table, string columns)
    {
        var n = columns.Split(',').Length + 2;
        return $"INSERT INTO {table} (plan_id, ordinal, {columns}) VALUES ({string.Join(", ", Enumerable.Range(1, n).Select(i => "$" + i))})";
    }

    private static object?[] SettlementRow(long id, int ordinal, SettlementPlan s) =>
        [id, ordinal, s.SettlementId, s.Name, s.Region, N(s.Lon), N(s.Lat), s.Population, s.PopulationEstimated ? 1 : 0, s.Technology, s.Option, s.Year,
         N(s.CapexTenge), N(s.OpexTengePerYear), N(s.NpvTenge), s.Meets100Mbps ? 1 : 0, N(s.BusyHourMbpsPerSubscriber), s.Reason, s.Facility, s.FibreParent,
         N(s.FibreKm), s.InterimYear, s.InterimTechnology, s.EarliestYear, s.Binding];

    private static object?[] FibreRow(long id, int ordinal, FibreSegment f) =>
        [id, ordinal, N(f.FromLon), N(f.FromLat), N(f.ToLon), N(f.ToLat), N(f.Km), N(f.CapexTenge), f.Year, f.Region];

    private static object?[] SiteRow(long id, int ordinal, PlannedSite s) =>
        [id, ordinal, s.Id, s.Kind, N(s.Lon), N(s.Lat), s.Region, s.Year, N(s.CapexTenge), s.Settlements, s.Candidate ? 1 : 0];

    private static SettlementPlan ReadSettlement(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), F(r, 3), F(r, 4), r.GetInt32(5), r.GetInt64(6) != 0, r.GetString(7),
        r.GetString(8), Int(r, 9), F(r, 10), F(r, 11), F(r, 12), r.GetInt64(13) != 0, F(r, 14), r.GetString(15),
        Str(r, 16), Str(r, 17), F(r, 18), Int(r, 19), Str(r, 20), Int(r, 21), Str(r, 22));

    private static FibreSegment ReadFibre(SqliteDataReader r) => new(
        F(r, 0), F(r, 1), F(r, 2), F(r, 3), F(r, 4), F(r, 5), r.GetInt32(6), r.GetString(7));

    private static PlannedSite ReadSite(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), F(r, 2), F(r, 3), r.GetString(4), r.GetInt32(5), F(r, 6), r.GetInt32(7), r.GetInt64(8) != 0);

    /// <summary>SQLite cannot store NaN (Microsoft.Data.Sqlite refuses it): it goes in as NULL, and NULL comes back as NaN.</summary>
    private static object? N(double d) => double.IsNaN(d) ? null : d;

    private static double F(SqliteDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
}
