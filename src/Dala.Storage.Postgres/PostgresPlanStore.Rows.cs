using Dala.Rollout.Plans;
using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

/// <summary>One typed row per settlement line, fibre segment and site; the ordinal keeps the plan's order.</summary>
public sealed partial class PostgresPlanStore
{
    private const NpgsqlDbType Text = NpgsqlDbType.Text, Float = NpgsqlDbType.Double, Integer = NpgsqlDbType.Integer, Bool = NpgsqlDbType.Boolean;

    private static readonly (string Name, NpgsqlDbType Type)[] SettlementStage = Keyed(
        ("settlement_id", Text), ("name", Text), ("region", Text), ("lon", Float), ("lat", Float), ("population", Integer),
        ("population_estimated", Bool), ("technology", Text), ("option", Text), ("year", Integer), ("capex_tenge", Float),
        ("opex_tenge_per_year", Float), ("npv_tenge", Float), ("meets_100mbps", Bool), ("busy_hour_mbps_per_subscriber", Float),
        ("reason", Text), ("facility", Text), ("fibre_parent", Text), ("fibre_km", Float), ("interim_year", Integer),
        ("interim_technology", Text), ("earliest_year", Integer), ("binding", Text));

    private static readonly (string Name, NpgsqlDbType Type)[] FibreStage = Keyed(
        ("from_lon", Float), ("from_lat", Float), ("to_lon", Float), ("to_lat", Float), ("km", Float), ("capex_tenge", Float),
        ("year", Integer), ("region", Text));

    private static readonly (string Name, NpgsqlDbType Type)[] SiteStage = Keyed(
        ("site_id", Text), ("kind", Text), ("lon", Float), ("lat", Float), ("region", Text), ("year", Integer), ("capex_tenge", Float),
        ("settlements", Integer), ("candidate", Bool));

    /// <summary>The columns read back: a row's own columns, without plan_id and ordinal.</summary>
    private static string Columns((string Name, NpgsqlDbType Type)[] stage) => string.Join(", ", stage.Skip(2).Select(x => x.Name));

    private static (string, NpgsqlDbType)[] Keyed(params (string, NpgsqlDbType)[] columns) =>
        [("plan_id", NpgsqlDbType.Bigint), ("ordinal", Integer), .. columns];

    private static object?[] SettlementRow(long id, int ordinal, SettlementPlan s) =>
        [id, ordinal, s.SettlementId, s.Name, s.Region, s.Lon, s.Lat, s.Population, s.PopulationEstimated, s.Technology, s.Option, s.Year,
         s.CapexTenge, s.OpexTengePerYear, s.NpvTenge, s.Meets100Mbps, s.BusyHourMbpsPerSubscriber, s.Reason, s.Facility, s.FibreParent,
         s.FibreKm, s.InterimYear, s.InterimTechnology, s.EarliestYear, s.Binding];

    private static object?[] FibreRow(long id, int ordinal, FibreSegment f) =>
        [id, ordinal, f.FromLon, f.FromLat, f.ToLon, f.ToLat, f.Km, f.CapexTenge, f.Year, f.Region];

    private static object?[] SiteRow(long id, int ordinal, PlannedSite s) =>
        [id, ordinal, s.Id, s.Kind, s.Lon, s.Lat, s.Region, s.Year, s.CapexTenge, s.Settlements, s.Candidate];

    private static SettlementPlan ReadSettlement(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4), r.GetInt32(5), r.GetBoolean(6), r.GetString(7),
        r.GetString(8), Int(r, 9), r.GetDouble(10), r.GetDouble(11), r.GetDouble(12), r.GetBoolean(13), r.GetDouble(14), r.GetString(15),
        Str(r, 16), Str(r, 17), r.GetDouble(18), Int(r, 19), Str(r, 20), Int(r, 21), Str(r, 22));

    private static FibreSegment ReadFibre(NpgsqlDataReader r) => new(
        r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetInt32(6), r.GetString(7));

    private static PlannedSite ReadSite(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetString(4), r.GetInt32(5), r.GetDouble(6), r.GetInt32(7), r.GetBoolean(8));

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
}
