using Dala.Geo;
using Dala.Geo.Io;
using Dala.Radio.Coverage;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

/// <summary>Coverage runs in the same PostgreSQL database as the registry.</summary>
public sealed class PostgresCoverageStore(PostgresRegistryStore registry) : ICoverageStore
{
    public long SaveRun(CoverageRun run)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction();
        long id;
        using (var cmd = new NpgsqlCommand("INSERT INTO coverage_runs (created_at, model, terrain, synthetic, assumptions, sites) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id", c, tx))
        {
            foreach (var v in new object[] { run.CreatedAt.ToUniversalTime(), run.Model, run.TerrainUsed, run.Synthetic, run.Assumptions, run.Sites })
                cmd.Parameters.AddWithValue(v);
            id = (long)cmd.ExecuteScalar()!;
        }
        PgStage.Run(c, tx, run.Settlements,
            [("run_id", NpgsqlDbType.Bigint), ("settlement_id", NpgsqlDbType.Text), ("site_id", NpgsqlDbType.Text), ("sector_id", NpgsqlDbType.Text),
             ("rsrp_dbm", NpgsqlDbType.Double), ("sinr_db", NpgsqlDbType.Double), ("peak_mbps", NpgsqlDbType.Double), ("busy_hour_mbps", NpgsqlDbType.Double),
             ("covered", NpgsqlDbType.Boolean), ("meets_100mbps", NpgsqlDbType.Boolean), ("terrain", NpgsqlDbType.Boolean), ("sites_in_range", NpgsqlDbType.Integer)],
            p => [id, p.TargetId, p.SiteId, p.SectorId, p.RsrpDbm, p.SinrDb, p.PeakMbps, p.BusyHourMbps, p.Covered, p.Meets100Mbps, p.TerrainUsed, p.SitesInRange],
            "INSERT INTO coverage_settlements SELECT * FROM _stage");
        var wkb = new WKBWriter();
        PgStage.Run(c, tx, run.Roads,
            [("run_id", NpgsqlDbType.Bigint), ("road_id", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text), ("highway", NpgsqlDbType.Text),
             ("km", NpgsqlDbType.Double), ("covered_km", NpgsqlDbType.Double), ("line", NpgsqlDbType.Bytea), ("synthetic", NpgsqlDbType.Boolean)],
            r => [id, r.Id, r.Name, r.Highway, r.Km, r.CoveredKm, wkb.Write(r.Line), r.Synthetic],
            "INSERT INTO coverage_roads SELECT run_id, road_id, name, highway, km, covered_km, ST_GeomFromWKB(line, 4326), synthetic FROM _stage");
        if (run.Raster is { } x)
            PgStage.Exec(c, tx, "INSERT INTO coverage_rasters VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                id, x.Bounds.West, x.Bounds.South, x.Bounds.East, x.Bounds.North, x.Width, x.Height, x.CellDeg, x.Png, x.GeoTiff, x.LegendJson);
        tx.Commit();
        return id;
    }

    public CoverageRun? LatestRun()
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var runs = PostgresRegistryStore.Query(c, tx, "SELECT id, created_at, model, terrain, synthetic, assumptions, sites FROM coverage_runs ORDER BY id DESC LIMIT 1",
            r => (Id: r.GetInt64(0), At: r.GetFieldValue<DateTimeOffset>(1), Model: r.GetString(2), Terrain: r.GetBoolean(3), Synthetic: r.GetBoolean(4),
                  Assumptions: r.GetString(5), Sites: r.GetInt32(6)));
        if (runs.Count == 0) return null;
        var run = runs[0];
        var settlements = PostgresRegistryStore.Query(c, tx,
            "SELECT settlement_id, site_id, sector_id, rsrp_dbm, sinr_db, peak_mbps, busy_hour_mbps, covered, meets_100mbps, terrain, sites_in_range " +
            "FROM coverage_settlements WHERE run_id = $1 ORDER BY settlement_id COLLATE \"C\"",
            r => new TargetPrediction(r.GetString(0), Str(r, 1), Str(r, 2), Dbl(r, 3), Dbl(r, 4), Dbl(r, 5), Dbl(r, 6),
                r.GetBoolean(7), r.GetBoolean(8), r.GetBoolean(9), r.GetInt32(10)), run.Id);
        var wkb = new WKBReader(GeoJsonGeometry.Factory.GeometryServices);
        var roads = PostgresRegistryStore.Query(c, tx,
            "SELECT road_id, name, highway, km, covered_km, ST_AsBinary(line), synthetic FROM coverage_roads WHERE run_id = $1 ORDER BY road_id COLLATE \"C\"",
            r => new RoadCoverage(r.GetString(0), Str(r, 1), Str(r, 2), r.GetDouble(3), r.GetDouble(4), wkb.Read((byte[])r[5]), r.GetBoolean(6)), run.Id);
        var raster = PostgresRegistryStore.Query(c, tx,
            "SELECT west, south, east, north, width, height, cell_deg, png, geotiff, legend FROM coverage_rasters WHERE run_id = $1",
            r => new CoverageRasterFiles(new BBox(r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)), r.GetInt32(4), r.GetInt32(5),
                r.GetDouble(6), (byte[])r[7], (byte[])r[8], r.GetString(9)), run.Id);
        tx.Commit();
        return new CoverageRun(run.Id, run.At, run.Model, run.Terrain, run.Synthetic, run.Assumptions, run.Sites, settlements, roads, raster.FirstOrDefault());
    }

    public long? LatestRunId()
    {
        using var c = registry.Open();
        using var cmd = new NpgsqlCommand("SELECT MAX(id) FROM coverage_runs", c);
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Dbl(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
