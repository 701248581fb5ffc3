using System.Globalization;
using Dala.Geo;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteRegistryStore
{
    public RegistrySnapshot ReadSnapshot()
    {
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: true);
        return ReadSnapshot(c, tx);
    }

    private static RegistrySnapshot ReadSnapshot(SqliteConnection c, SqliteTransaction tx)
    {
        var wkb = new WKBReader(Dala.Geo.Io.GeoJsonGeometry.Factory.GeometryServices);
        var revision = Query(c, tx, "SELECT value FROM meta WHERE key = 'revision'", r => long.Parse(r.GetString(0), CultureInfo.InvariantCulture))[0];
        var regions = Query(c, tx, "SELECT code, name, name_kk, name_ru, name_en, area, source FROM regions ORDER BY code", r =>
            new Region(r.GetString(0), ReadNames(r, 1), r.IsDBNull(5) ? null : wkb.Read((byte[])r[5]), r.GetString(6)));
        var settlements = Query(c, tx,
            "SELECT id, name, name_kk, name_ru, name_en, kind, population, population_source, lon, lat, region_code, kato_code, source FROM settlements ORDER BY id",
            r => new Settlement(r.GetString(0), ReadNames(r, 1), SettlementKinds.Parse(r.GetString(5))!.Value,
                r.IsDBNull(6) ? Population.Unknown : new Population(r.GetInt32(6), Str(r, 7)),
                new LonLat(r.GetDouble(8), r.GetDouble(9)), r.GetString(10), Str(r, 11), r.GetString(12)));
        var operators = Query(c, tx, "SELECT id, name FROM operators ORDER BY id", r => new Operator(r.GetString(0), r.GetString(1)));
        var connectivity = Query(c, tx,
            "SELECT settlement_id, technology, operator_id, down_mbps, up_mbps, as_of, source, synthetic FROM connectivity ORDER BY settlement_id, as_of, operator_id, technology",
            r => new ConnectivityRecord(r.GetString(0), Technologies.Parse(r.GetString(1))!.Value,
                r.GetString(2).Length == 0 ? null : r.GetString(2), Dbl(r, 3), Dbl(r, 4),
                DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(6), r.GetInt64(7) != 0));
        var kato = Query(c, tx, "SELECT id, parent_id, code, name FROM kato ORDER BY id",
            r => new KatoUnit(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetString(3)));
        var sources = Query(c, tx, "SELECT kind, name, sha256, imported_at, rows, synthetic, rows_read FROM sources ORDER BY imported_at, kind, name",
            r => new DatasetSource(r.GetString(0), r.GetString(1), r.GetString(2),
                DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture), r.GetInt32(4), r.GetInt64(5) != 0) { RowsRead = r.IsDBNull(6) ? null : r.GetInt32(6) });
        var outline = Query(c, tx, "SELECT area, source FROM outline WHERE id = 1", r => (Area: wkb.Read((byte[])r[0]), Source: r.GetString(1)));
        var sectors = Query(c, tx,
            "SELECT site_id, id, azimuth_deg, tilt_deg, frequency_mhz, bandwidth_mhz, eirp_dbm, pattern, technology FROM sectors ORDER BY site_id, ordinal",
            r => (Site: r.GetString(0), Sector: new Sector(r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6),
                r.GetString(7), Technologies.Parse(r.GetString(8))!.Value)))
            .GroupBy(x => x.Site).ToDictionary(g => g.Key, g => (IReadOnlyList<Sector>)g.Select(x => x.Sector).ToArray());
        var sites = Query(c, tx, "SELECT id, name, lon, lat, ground_m, mast_m, operator_id, source, synthetic FROM sites ORDER BY id",
            r => new Site(r.GetString(0), Str(r, 1), new LonLat(r.GetDouble(2), r.GetDouble(3)), Dbl(r, 4), r.GetDouble(5), Str(r, 6),
                sectors.GetValueOrDefault(r.GetString(0)) ?? [], r.GetString(7), r.GetInt64(8) != 0));
        return new RegistrySnapshot(revision, regions, settlements, operators, connectivity, kato, sources,
            outline.Count > 0 ? outline[0].Area : null, outline.Count > 0 ? outline[0].Source : null, sites);
    }

    private static Names ReadNames(SqliteDataReader r, int i) => new(r.GetString(i), Str(r, i + 1), Str(r, i + 2), Str(r, i + 3));

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Dbl(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static List<T> Query<T>(SqliteConnection c, SqliteTransaction tx, string sql, Func<SqliteDataReader, T> map)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }
}
