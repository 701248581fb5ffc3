using System.Data;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Npgsql;
using NetTopologySuite.IO;

namespace Dala.Storage.Postgres;

public sealed partial class PostgresRegistryStore
{
    public RegistrySnapshot ReadSnapshot()
    {
        using var c = _data.OpenConnection();
        using var tx = c.BeginTransaction(IsolationLevel.RepeatableRead);
        var snap = ReadSnapshot(c, tx);
        tx.Commit();
        return snap;
    }

    private static RegistrySnapshot ReadSnapshot(NpgsqlConnection c, NpgsqlTransaction tx)
    {
        var wkb = new WKBReader(GeoJsonGeometry.Factory.GeometryServices);
        var revision = Query(c, tx, "SELECT value FROM meta WHERE key = 'revision'", r => long.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture))[0];
        var regions = Query(c, tx, "SELECT code, name, name_kk, name_ru, name_en, ST_AsBinary(area), source FROM regions ORDER BY code COLLATE \"C\"", r =>
            new Region(r.GetString(0), ReadNames(r, 1), r.IsDBNull(5) ? null : wkb.Read((byte[])r[5]), r.GetString(6)));
        var settlements = Query(c, tx,
            "SELECT id, name, name_kk, name_ru, name_en, kind, population, population_source, ST_X(location), ST_Y(location), region_code, kato_code, source " +
            "FROM settlements ORDER BY id COLLATE \"C\"",
            r => new Settlement(r.GetString(0), ReadNames(r, 1), SettlementKinds.Parse(r.GetString(5))!.Value,
                r.IsDBNull(6) ? Population.Unknown : new Population(r.GetInt32(6), Str(r, 7)),
                new LonLat(r.GetDouble(8), r.GetDouble(9)), r.GetString(10), Str(r, 11), r.GetString(12)));
        var operators = Query(c, tx, "SELECT id, name FROM operators ORDER BY id COLLATE \"C\"", r => new Operator(r.GetString(0), r.GetString(1)));
        var connectivity = Query(c, tx,
            "SELECT settlement_id, technology, operator_id, down_mbps, up_mbps, as_of, source, synthetic FROM connectivity " +
            "ORDER BY settlement_id COLLATE \"C\", as_of, operator_id COLLATE \"C\", technology COLLATE \"C\"",
            r => new ConnectivityRecord(r.GetString(0), Technologies.Parse(r.GetString(1))!.Value,
                r.GetString(2).Length == 0 ? null : r.GetString(2), Dbl(r, 3), Dbl(r, 4),
                r.GetFieldValue<DateOnly>(5), r.GetString(6), r.GetBoolean(7)));
        var kato = Query(c, tx, "SELECT id, parent_id, code, name FROM kato ORDER BY id",
            r => new KatoUnit(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetString(3)));
        var sources = Query(c, tx, "SELECT kind, name, sha256, imported_at, rows, synthetic, rows_read FROM sources ORDER BY imported_at, kind COLLATE \"C\", name COLLATE \"C\"",
            r => new DatasetSource(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetInt32(4), r.GetBoolean(5)) { RowsRead = r.IsDBNull(6) ? null : r.GetInt32(6) });
        var outline = Query(c, tx, "SELECT ST_AsBinary(area), source FROM outline WHERE id = 1", r => (Area: wkb.Read((byte[])r[0]), Source: r.GetString(1)));
        var sectors = Query(c, tx,
            "SELECT site_id, id, azimuth_deg, tilt_deg, frequency_mhz, bandwidth_mhz, eirp_dbm, pattern, technology FROM sectors ORDER BY site_id COLLATE \"C\", ordinal",
            r => (Site: r.GetString(0), Sector: new Sector(r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6),
                r.GetString(7), Technologies.Parse(r.GetString(8))!.Value)))
            .GroupBy(x => x.Site).ToDictionary(g => g.Key, g => (IReadOnlyList<Sector>)g.Select(x => x.Sector).ToArray());
        var sites = Query(c, tx, "SELECT id, name, ST_X(location), ST_Y(location), ground_m, mast_m, operator_id, source, synthetic FROM sites ORDER BY id COLLATE \"C\"",
            r => new Site(r.GetString(0), Str(r, 1), new LonLat(r.GetDouble(2), r.GetDouble(3)), Dbl(r, 4), r.GetDouble(5), Str(r, 6),
                sectors.GetValueOrDefault(r.GetString(0)) ?? [], r.GetString(7), r.GetBoolean(8)));
        return new RegistrySnapshot(revision, regions, settlements, operators, connectivity, kato, sources,
            outline.Count > 0 ? outline[0].Area : null, outline.Count > 0 ? outline[0].Source : null, sites);
    }

    private static Names ReadNames(NpgsqlDataReader r, int i) => new(r.GetString(i), Str(r, i + 1), Str(r, i + 2), Str(r, i + 3));

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Dbl(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    internal static List<T> Query<T>(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, Func<NpgsqlDataReader, T> map, params object[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }
}
