using Dala.Geo;
using Dala.Registry.Store;

namespace Dala.Storage.Postgres;

/// <summary>Spatial lookups done by PostGIS: GiST-indexed box filter, nearest by the same haversine as SQLite, ST_Covers.</summary>
public sealed partial class PostgresRegistryStore
{
    private const string HaversineKm =
        "2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(ST_Y(location) - $6) / 2), 2) + " +
        "cos(radians($6)) * cos(radians(ST_Y(location))) * power(sin(radians(ST_X(location) - $5) / 2), 2))))";

    public IReadOnlyList<string> SettlementsInBox(BBox box)
    {
        using var c = Open();
        return Query(c, null, "SELECT id FROM settlements WHERE location && ST_MakeEnvelope($1, $2, $3, $4, 4326) ORDER BY id COLLATE \"C\"",
            r => r.GetString(0), box.West, box.South, box.East, box.North);
    }

    public IReadOnlyList<Nearby> NearestSettlements(LonLat point, int count) => NearestSearch.Run(point, count, (box, k) =>
    {
        using var c = Open();
        return Query(c, null, $"SELECT id, {HaversineKm} AS km FROM settlements WHERE location && ST_MakeEnvelope($1, $2, $3, $4, 4326) " +
                              "ORDER BY km, id COLLATE \"C\" LIMIT $7",
            r => new Nearby(r.GetString(0), r.GetDouble(1)), box.West, box.South, box.East, box.North, point.Lon, point.Lat, k);
    });

    public string? RegionAt(LonLat point)
    {
        using var c = Open();
        return Query(c, null, "SELECT code FROM regions WHERE area IS NOT NULL AND ST_Covers(area, ST_SetSRID(ST_MakePoint($1, $2), 4326)) " +
                              "ORDER BY code COLLATE \"C\" LIMIT 1", r => r.GetString(0), point.Lon, point.Lat).FirstOrDefault();
    }
}
