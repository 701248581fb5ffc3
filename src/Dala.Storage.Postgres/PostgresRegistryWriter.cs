using Dala.Registry.Model;
using Dala.Registry.Store;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace Dala.Storage.Postgres;

/// <summary>
/// One transaction holding the write lock. Rows go in by binary COPY into a temporary staging table, then one
/// INSERT ... ON CONFLICT DO UPDATE moves them: fast for a million rows, and still all-or-nothing.
/// </summary>
internal sealed partial class PostgresRegistryWriter(NpgsqlConnection connection, NpgsqlTransaction tx, RegistrySnapshot snapshot)
    : IRegistryWriter
{
    private static readonly WKBWriter Wkb = new();
    private bool _dirty;
    private bool _done;

    public RegistrySnapshot Snapshot { get; } = snapshot;

    public bool HasChanges => _dirty;

    public void UpsertRegions(IReadOnlyCollection<Region> regions) => Stage(regions,
        [("code", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text), ("name_kk", NpgsqlDbType.Text), ("name_ru", NpgsqlDbType.Text),
         ("name_en", NpgsqlDbType.Text), ("area_wkb", NpgsqlDbType.Bytea), ("source", NpgsqlDbType.Text)],
        r => [r.Code, r.Name.Local, r.Name.Kk, r.Name.Ru, r.Name.En, r.Area is null ? null : Wkb.Write(r.Area), r.Source],
        "INSERT INTO regions (code, name, name_kk, name_ru, name_en, area, source) " +
        "SELECT code, name, name_kk, name_ru, name_en, ST_GeomFromWKB(area_wkb, 4326), source FROM _stage " +
        "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, " +
        "name_en = EXCLUDED.name_en, area = EXCLUDED.area, source = EXCLUDED.source");

    public void DeleteRegions(IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0) return;
        _dirty |= Exec("DELETE FROM regions WHERE code = ANY($1)", (object)codes.ToArray()) > 0;
    }

    public void UpsertSettlements(IReadOnlyCollection<Settlement> settlements) => Stage(settlements,
        [("id", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text), ("name_kk", NpgsqlDbType.Text), ("name_ru", NpgsqlDbType.Text),
         ("name_en", NpgsqlDbType.Text), ("kind", NpgsqlDbType.Text), ("population", NpgsqlDbType.Integer), ("population_source", NpgsqlDbType.Text),
         ("lon", NpgsqlDbType.Double), ("lat", NpgsqlDbType.Double), ("region_code", NpgsqlDbType.Text), ("kato_code", NpgsqlDbType.Text), ("source", NpgsqlDbType.Text)],
        s => [s.Id, s.Name.Local, s.Name.Kk, s.Name.Ru, s.Name.En, s.Kind.WireName(), s.Population.Count, s.Population.Source,
              s.Location.Lon, s.Location.Lat, s.RegionCode, s.KatoCode, s.Source],
        "INSERT INTO settlements (id, name, name_kk, name_ru, name_en, kind, population, population_source, location, region_code, kato_code, source) " +
        "SELECT id, name, name_kk, name_ru, name_en, kind, population, population_source, ST_SetSRID(ST_MakePoint(lon, lat), 4326), region_code, kato_code, source FROM _stage " +
        "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en, " +
        "kind = EXCLUDED.kind, population = EXCLUDED.population, population_source = EXCLUDED.population_source, location = EXCLUDED.location, " +
        "region_code = EXCLUDED.region_code, kato_code = EXCLUDED.kato_code, source = EXCLUDED.source");

    public void UpsertOperators(IReadOnlyCollection<Operator> operators) => Stage(operators,
        [("id", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text)], o => [o.Id, o.Name],
        "INSERT INTO operators (id, name) SELECT id, name FROM _stage ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name");

    public void UpsertConnectivity(IReadOnlyCollection<ConnectivityRecord> records) => Stage(records,
        [("settlement_id", NpgsqlDbType.Text), ("operator_id", NpgsqlDbType.Text), ("technology", NpgsqlDbType.Text), ("as_of", NpgsqlDbType.Date),
         ("down_mbps", NpgsqlDbType.Double), ("up_mbps", NpgsqlDbType.Double), ("source", NpgsqlDbType.Text), ("synthetic", NpgsqlDbType.Boolean)],
        r => [r.SettlementId, r.OperatorId ?? "", r.Technology.WireName(), r.AsOf, r.DownMbps, r.UpMbps, r.Source, r.Synthetic],
        "INSERT INTO connectivity (settlement_id, operator_id, technology, as_of, down_mbps, up_mbps, source, synthetic) " +
        "SELECT settlement_id, operator_id, technology, as_of, down_mbps, up_mbps, source, synthetic FROM _stage " +
        "ORDER BY settlement_id, operator_id, technology, as_of " +
        "ON CONFLICT (settlement_id, operator_id, technology, as_of) DO UPDATE SET down_mbps = EXCLUDED.down_mbps, " +
        "up_mbps = EXCLUDED.up_mbps, source = EXCLUDED.source, synthetic = EXCLUDED.synthetic");

    public int DeleteSyntheticConnectivity()
    {
        var n = Exec("DELETE FROM connectivity WHERE synthetic");
        _dirty |= n > 0;
        return n;
    }

    public void ReplaceKato(IReadOnlyCollection<KatoUnit> units)
    {
        Exec("DELETE FROM kato");
        _dirty = true;
        Stage(units, [("id", NpgsqlDbType.Integer), ("parent_id", NpgsqlDbType.Integer), ("code", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text)],
            u => [u.Id, u.ParentId, u.Code, u.Name], "INSERT INTO kato (id, parent_id, code, name) SELECT id, parent_id, code, name FROM _stage");
    }

    public void UpsertSites(IReadOnlyCollection<Site> sites)
    {
        if (sites.Count == 0) return;
        Exec("DELETE FROM sectors WHERE site_id = ANY($1)", (object)sites.Select(x => x.Id).ToArray());
        Stage(sites,
            [("id", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text), ("lon", NpgsqlDbType.Double), ("lat", NpgsqlDbType.Double),
             ("ground_m", NpgsqlDbType.Double), ("mast_m", NpgsqlDbType.Double), ("operator_id", NpgsqlDbType.Text), ("source", NpgsqlDbType.Text),
             ("synthetic", NpgsqlDbType.Boolean)],
            x => [x.Id, x.Name, x.Location.Lon, x.Location.Lat, x.GroundM, x.MastM, x.OperatorId, x.Source, x.Synthetic],
            "INSERT INTO sites (id, name, location, ground_m, mast_m, operator_id, source, synthetic) " +
            "SELECT id, name, ST_SetSRID(ST_MakePoint(lon, lat), 4326), ground_m, mast_m, operator_id, source, synthetic FROM _stage " +
            "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, location = EXCLUDED.location, ground_m = EXCLUDED.ground_m, " +
            "mast_m = EXCLUDED.mast_m, operator_id = EXCLUDED.operator_id, source = EXCLUDED.source, synthetic = EXCLUDED.synthetic");
        Stage(sites.SelectMany(x => x.Sectors.Select((c, i) => (Site: x.Id, Sector: c, Ordinal: i))).ToArray(),
            [("site_id", NpgsqlDbType.Text), ("id", NpgsqlDbType.Text), ("ordinal", NpgsqlDbType.Integer), ("azimuth_deg", NpgsqlDbType.Double),
             ("tilt_deg", NpgsqlDbType.Double), ("frequency_mhz", NpgsqlDbType.Double), ("bandwidth_mhz", NpgsqlDbType.Double),
             ("eirp_dbm", NpgsqlDbType.Double), ("pattern", NpgsqlDbType.Text), ("technology", NpgsqlDbType.Text)],
            x => [x.Site, x.Sector.Id, x.Ordinal, x.Sector.AzimuthDeg, x.Sector.TiltDeg, x.Sector.FrequencyMHz, x.Sector.BandwidthMHz,
                  x.Sector.EirpDbm, x.Sector.Pattern, x.Sector.Technology.WireName()],
            "INSERT INTO sectors SELECT site_id, id, ordinal, azimuth_deg, tilt_deg, frequency_mhz, bandwidth_mhz, eirp_dbm, pattern, technology FROM _stage");
    }

    public int DeleteSyntheticSites()
    {
        Exec("DELETE FROM sectors WHERE site_id IN (SELECT id FROM sites WHERE synthetic)");
        var n = Exec("DELETE FROM sites WHERE synthetic");
        _dirty |= n > 0;
        return n;
    }

    public void PutOutline(Geometry outline, string source)
    {
        Exec("INSERT INTO outline (id, area, source) VALUES (1, ST_GeomFromWKB($1, 4326), $2) " +
             "ON CONFLICT (id) DO UPDATE SET area = EXCLUDED.area, source = EXCLUDED.source", Wkb.Write(outline), source);
        _dirty = true;
    }

    public void AddSource(DatasetSource s)
    {
        Exec("INSERT INTO sources (kind, name, sha256, imported_at, rows, synthetic, rows_read) VALUES ($1, $2, $3, $4, $5, $6, $7::integer) " +
             "ON CONFLICT (kind, sha256) DO UPDATE SET name = EXCLUDED.name, imported_at = EXCLUDED.imported_at, rows = EXCLUDED.rows, " +
             "synthetic = EXCLUDED.synthetic, rows_read = EXCLUDED.rows_read",
            s.Kind, s.Name, s.Sha256, s.ImportedAt.ToUniversalTime(), s.Rows, s.Synthetic, (object?)s.RowsRead ?? DBNull.Value);
        _dirty = true;
    }

    public void DeleteAll()
    {
        Exec("TRUNCATE regions, settlements, operators, connectivity, kato, outline, sources, sites, sectors, " +
             "coverage_runs, coverage_settlements, coverage_roads, coverage_rasters");
        _dirty = true;
    }

    public void Commit()
    {
        if (_dirty) Exec("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'revision'");
        tx.Commit();
        _done = true;
    }

    public void Dispose()
    {
        if (!_done) tx.Rollback();
        tx.Dispose();
        connection.Dispose();
    }
}
