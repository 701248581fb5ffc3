using Dala.Geo;
using Dala.Geo.Io;
using Dala.Registry.Store;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Dala.Storage.Sqlite;

/// <summary>
/// Spatial lookups in SQLite: the settlements R*Tree narrows boxes and nearest searches (the exact tests and
/// the haversine distance run in SQL); region polygons are narrowed by their stored bounding boxes, and the
/// exact covers test, which SQLite cannot do, runs on the candidates' WKB.
/// </summary>
public sealed partial class SqliteRegistryStore
{
    internal const string HaversineKm =
        "2 * 6371.0088 * asin(min(1, sqrt(power(sin(radians(s.lat - $lat) / 2), 2) + " +
        "cos(radians($lat)) * cos(radians(s.lat)) * power(sin(radians(s.lon - $lon) / 2), 2))))";

    public IReadOnlyList<string> SettlementsInBox(BBox box)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT s.id FROM settlements_rtree r JOIN settlements s ON s.rowid = r.rid " +
                          "WHERE r.max_lon >= $w AND r.min_lon <= $e AND r.max_lat >= $s AND r.min_lat <= $n " +
                          "AND s.lon BETWEEN $w AND $e AND s.lat BETWEEN $s AND $n ORDER BY s.id";
        AddBox(cmd, box);
        return Read(cmd, r => r.GetString(0));
    }

    public IReadOnlyList<Nearby> NearestSettlements(LonLat point, int count) => NearestSearch.Run(point, count, (box, k) =>
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT s.id, {HaversineKm} AS km FROM settlements_rtree r JOIN settlements s ON s.rowid = r.rid " +
                          "WHERE r.max_lon >= $w AND r.min_lon <= $e AND r.max_lat >= $s AND r.min_lat <= $n " +
                          "ORDER BY km, s.id LIMIT $k";
        AddBox(cmd, box);
        cmd.Parameters.AddWithValue("$lon", point.Lon);
        cmd.Parameters.AddWithValue("$lat", point.Lat);
        cmd.Parameters.AddWithValue("$k", k);
        return Read(cmd, r => new Nearby(r.GetString(0), r.GetDouble(1)));
    });

    public string? RegionAt(LonLat point)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT code, area FROM regions WHERE area IS NOT NULL AND min_lon <= $lon AND max_lon >= $lon " +
                          "AND min_lat <= $lat AND max_lat >= $lat ORDER BY code";
        cmd.Parameters.AddWithValue("$lon", point.Lon);
        cmd.Parameters.AddWithValue("$lat", point.Lat);
        var wkb = new WKBReader(GeoJsonGeometry.Factory.GeometryServices);
        var p = GeoJsonGeometry.Factory.CreatePoint(new Coordinate(point.Lon, point.Lat));
        foreach (var (code, area) in Read(cmd, r => (r.GetString(0), (byte[])r[1])))
        {
            if (wkb.Read(area).Covers(p)) return code;
        }
        return null;
    }

    private static void AddBox(SqliteCommand cmd, BBox box)
    {
        cmd.Parameters.AddWithValue("$w", box.West);
        cmd.Parameters.AddWithValue("$e", box.East);
        cmd.Parameters.AddWithValue("$s", box.South);
        cmd.Parameters.AddWithValue("$n", box.North);
    }

    private static List<T> Read<T>(SqliteCommand cmd, Func<SqliteDataReader, T> map)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }
}
