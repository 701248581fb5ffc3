using System.Globalization;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dala.Storage.Sqlite;

/// <summary>One IMMEDIATE transaction; rolled back on dispose unless committed.</summary>
internal sealed class SqliteRegistryWriter(SqliteConnection connection, SqliteTransaction tx, RegistrySnapshot snapshot)
    : IRegistryWriter
{
    private static readonly WKBWriter Wkb = new();
    private bool _dirty;
    private bool _done;

    public RegistrySnapshot Snapshot { get; } = snapshot;

    public bool HasChanges => _dirty;

    public void UpsertRegions(IReadOnlyCollection<Region> regions) => Batch(regions,
        "INSERT INTO regions (code, name, name_kk, name_ru, name_en, area, source, min_lon, max_lon, min_lat, max_lat) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (code) DO UPDATE SET name = excluded.name, " +
        "name_kk = excluded.name_kk, name_ru = excluded.name_ru, name_en = excluded.name_en, area = excluded.area, source = excluded.source, " +
        "min_lon = excluded.min_lon, max_lon = excluded.max_lon, min_lat = excluded.min_lat, max_lat = excluded.max_lat",
        r =>
        {
            var e = r.Area?.EnvelopeInternal;
            return [r.Code, r.Name.Local, r.Name.Kk, r.Name.Ru, r.Name.En, r.Area is null ? null : Wkb.Write(r.Area), r.Source,
                e?.MinX, e?.MaxX, e?.MinY, e?.MaxY];
        });

    public void DeleteRegions(IReadOnlyCollection<string> codes) =>
        Batch(codes, "DELETE FROM regions WHERE code = $1", c => [c]);

    public void UpsertSettlements(IReadOnlyCollection<Settlement> settlements) => Batch(settlements,
        "INSERT INTO settlements (id, name, name_kk, name_ru, name_en, kind, population, population_source, lon, lat, region_code, kato_code, source) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO UPDATE SET name = excluded.name, " +
        "name_kk = excluded.name_kk, name_ru = excluded.name_ru, name_en = excluded.name_en, kind = excluded.kind, population = excluded.population, " +
        "population_source = excluded.population_source, lon = excluded.lon, lat = excluded.lat, region_code = excluded.region_code, " +
        "kato_code = excluded.kato_code, source = excluded.source",
        s => [s.Id, s.Name.Local, s.Name.Kk, s.Name.Ru, s.Name.En, s.Kind.WireName(), s.Population.Count, s.Population.Source,
            s.Location.Lon, s.Location.Lat, s.RegionCode, s.KatoCode, s.Source]);

    public void UpsertOperators(IReadOnlyCollection<Operator> operators) =>
        Batch(operators, "INSERT OR REPLACE INTO operators (id, name) VALUES ($1, $2)", o => [o.Id, o.Name]);

    /// <remarks>Rows go in primary-key order: appending to the B-tree instead of splitting pages all over it.</remarks>
    public void UpsertConnectivity(IReadOnlyCollection<ConnectivityRecord> records) => Batch(
        records.OrderBy(r => r.SettlementId, StringComparer.Ordinal).ThenBy(r => r.OperatorId ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Technology.WireName(), StringComparer.Ordinal).ThenBy(r => r.AsOf).ToArray(),
        "INSERT OR REPLACE INTO connectivity (settlement_id, operator_id, technology, as_of, down_mbps, up_mbps, source, synthetic) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        r => [r.SettlementId, r.OperatorId ?? "", r.Technology.WireName(), r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.DownMbps, r.UpMbps, r.Source, r.Synthetic ? 1 : 0]);

    public int DeleteSyntheticConnectivity()
    {
        using var cmd = Command("DELETE FROM connectivity WHERE synthetic = 1");
        var n = cmd.ExecuteNonQuery();
        _dirty |= n > 0;
        return n;
    }

    public void ReplaceKato(IReadOnlyCollection<KatoUnit> units)
    {
        using (var del = Command("DELETE FROM kato")) del.ExecuteNonQuery();
        _dirty = true;
        Batch(units, "INSERT INTO kato (id, parent_id, code, name) VALUES ($1, $2, $3, $4)", u => [u.Id, u.ParentId, u.Code, u.Name]);
    }

    public void UpsertSites(IReadOnlyCollection<Site> sites)
    {
        Batch(sites, "DELETE FROM sectors WHERE site_id = $1", x => [x.Id]);
        Batch(sites, "INSERT OR REPLACE INTO sites (id, name, lon, lat, ground_m, mast_m, operator_id, source, synthetic) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            x => [x.Id, x.Name, x.Location.Lon, x.Location.Lat, x.GroundM, x.MastM, x.OperatorId, x.Source, x.Synthetic ? 1 : 0]);
        Batch(sites.SelectMany(x => x.Sectors.Select((c, i) => (Site: x.Id, Sector: c, Ordinal: i))).ToArray(),
            "INSERT INTO sectors (site_id, id, ordinal, azimuth_deg, tilt_deg, frequency_mhz, bandwidth_mhz, eirp_dbm, pattern, technology) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            x => [x.Site, x.Sector.Id, x.Ordinal, x.Sector.AzimuthDeg, x.Sector.TiltDeg, x.Sector.FrequencyMHz, x.Sector.BandwidthMHz,
                  x.Sector.EirpDbm, x.Sector.Pattern, x.Sector.Technology.WireName()]);
    }

    public int DeleteSyntheticSites()
    {
        using (var sectors = Command("DELETE FROM sectors WHERE site_id IN (SELECT id FROM sites WHERE synthetic = 1)")) sectors.ExecuteNonQuery();
        using var cmd = Command("DELETE FROM sites WHERE synthetic = 1");
        var n = cmd.ExecuteNonQuery();
        _dirty |= n > 0;
        return n;
    }

    public void PutOutline(Geometry outline, string source) =>
        Batch([outline], "INSERT OR REPLACE INTO outline (id, area, source) VALUES (1, $1, $2)", g => [Wkb.Write(g), source]);

    public void AddSource(DatasetSource s) => Batch([s],
        "INSERT OR REPLACE INTO sources (kind, name, sha256, imported_at, rows, synthetic, rows_read) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        x => [x.Kind, x.Name, x.Sha256, x.ImportedAt.ToString("O", CultureInfo.InvariantCulture), x.Rows, x.Synthetic ? 1 : 0, x.RowsRead]);

    public void DeleteAll()
    {
        foreach (var table in new[] { "regions", "settlements", "operators", "connectivity", "kato", "outline", "sources", "sites", "sectors",
            "coverage_runs", "coverage_settlements", "coverage_roads", "coverage_rasters" })
        {
            using var cmd = Command("DELETE FROM " + table);
            cmd.ExecuteNonQuery();
        }
        _dirty = true;
    }

    public void Commit()
    {
        if (_dirty)
        {
            using var bump = Command("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'");
            bump.ExecuteNonQuery();
        }
        tx.Commit();
        _done = true;
    }

    public void Dispose()
    {
        if (!_done) tx.Rollback();
        tx.Dispose();
        connection.Dispose();
    }

    private void Batch<T>(IReadOnlyCollection<T> items, string sql, Func<T, object?[]> values)
    {
        if (items.Count == 0) return;
        _dirty = true;
        SqliteBatch.Run(connection, tx, items, sql, values);
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
