using System.Globalization;
using Dala.Geo;
using Dala.Geo.Io;
using Dala.Radio.Coverage;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace Dala.Storage.Sqlite;

/// <summary>Coverage runs in the same SQLite file as the registry.</summary>
public sealed class SqliteCoverageStore(SqliteRegistryStore registry) : ICoverageStore
{
    public long SaveRun(CoverageRun run)
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: false);
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO coverage_runs (created_at, model, terrain, synthetic, assumptions, sites) VALUES ($t, $m, $r, $s, $a, $n); SELECT last_insert_rowid()";
            cmd.Parameters.AddWithValue("$t", run.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$m", run.Model);
            cmd.Parameters.AddWithValue("$r", run.TerrainUsed ? 1 : 0);
            cmd.Parameters.AddWithValue("$s", run.Synthetic ? 1 : 0);
            cmd.Parameters.AddWithValue("$a", run.Assumptions);
            cmd.Parameters.AddWithValue("$n", run.Sites);
            var id = (long)cmd.ExecuteScalar()!;
            SqliteBatch.Run(c, tx, run.Settlements,
                "INSERT INTO coverage_settlements VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                p => [id, p.TargetId, p.SiteId, p.SectorId, p.RsrpDbm, p.SinrDb, p.PeakMbps, p.BusyHourMbps, p.Covered ? 1 : 0, p.Meets100Mbps ? 1 : 0,
                      p.TerrainUsed ? 1 : 0, p.SitesInRange]);
            var wkb = new WKBWriter();
            SqliteBatch.Run(c, tx, run.Roads, "INSERT INTO coverage_roads VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                r => [id, r.Id, r.Name, r.Highway, r.Km, r.CoveredKm, wkb.Write(r.Line), r.Synthetic ? 1 : 0]);
            if (run.Raster is { } x)
                SqliteBatch.Run(c, tx, [x], "INSERT INTO coverage_rasters VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    v => [id, v.Bounds.West, v.Bounds.South, v.Bounds.East, v.Bounds.North, v.Width, v.Height, v.CellDeg, v.Png, v.GeoTiff, v.LegendJson]);
            tx.Commit();
            return id;
        }
    }

    public CoverageRun? LatestRun()
    {
        using var c = registry.Open();
        using var tx = c.BeginTransaction(deferred: true);
        var runs = Query(c, tx, "SELECT id, created_at, model, terrain, synthetic, assumptions, sites FROM coverage_runs ORDER BY id DESC LIMIT 1",
            r => (Id: r.GetInt64(0), At: DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), Model: r.GetString(2),
                  Terrain: r.GetInt64(3) != 0, Synthetic: r.GetInt64(4) != 0, Assumptions: r.GetString(5), Sites: r.GetInt32(6)));
        if (runs.Count == 0) return null;
        var run = runs[0];
        var settlements = Query(c, tx, $"SELECT * FROM coverage_settlements WHERE run_id = {run.Id} ORDER BY settlement_id",
            r => new TargetPrediction(r.GetString(1), Str(r, 2), Str(r, 3), Dbl(r, 4), Dbl(r, 5), Dbl(r, 6), Dbl(r, 7),
                r.GetInt64(8) != 0, r.GetInt64(9) != 0, r.GetInt64(10) != 0, r.GetInt32(11)));
        var wkb = new WKBReader(GeoJsonGeometry.Factory.GeometryServices);
        var roads = Query(c, tx, $"SELECT * FROM coverage_roads WHERE run_id = {run.Id} ORDER BY road_id",
            r => new RoadCoverage(r.GetString(1), Str(r, 2), Str(r, 3), r.GetDouble(4), r.GetDouble(5), wkb.Read((byte[])r[6]), r.GetInt64(7) != 0));
        var raster = Query(c, tx, $"SELECT * FROM coverage_rasters WHERE run_id = {run.Id}",
            r => new CoverageRasterFiles(new BBox(r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)), r.GetInt32(5), r.GetInt32(6),
                r.GetDouble(7), (byte[])r[8], (byte[])r[9], r.GetString(10)));
        return new CoverageRun(run.Id, run.At, run.Model, run.Terrain, run.Synthetic, run.Assumptions, run.Sites, settlements, roads, raster.FirstOrDefault());
    }

    public long? LatestRunId()
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT MAX(id) FROM coverage_runs";
        return cmd.ExecuteScalar() is long id ? id : null;
    }

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
