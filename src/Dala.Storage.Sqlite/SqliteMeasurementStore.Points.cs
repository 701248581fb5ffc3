using Dala.Geo;
using Dala.Quality.Store;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteMeasurementStore
{
    public IReadOnlyList<PointCell> PointCells(BBox box, int columns, int rows, MeasurementFilter filter)
    {
        using var c = registry.Open();
        using var cmd = c.CreateCommand();
        cmd.Parameters.AddWithValue("$w", box.West);
        cmd.Parameters.AddWithValue("$e", box.East);
        cmd.Parameters.AddWithValue("$s", box.South);
        cmd.Parameters.AddWithValue("$n", box.North);
        cmd.Parameters.AddWithValue("$cx", columns / (box.East - box.West));
        cmd.Parameters.AddWithValue("$cy", rows / (box.North - box.South));
        cmd.CommandText = "SELECT avg(lon), avg(lat), count(*), sum(valid), sum(synthetic), avg(CASE WHEN valid = 1 THEN down_mbps END), min(id) " +
                          "FROM measurements WHERE kind = 0 AND lon >= $w AND lon < $e AND lat >= $s AND lat < $n" + Where(cmd, filter) +
                          " GROUP BY CAST((lon - $w) * $cx AS INTEGER), CAST((lat - $s) * $cy AS INTEGER) ORDER BY min(id)";
        return Read(cmd, r =>
        {
            var tests = r.GetInt32(2);
            return new PointCell(r.GetDouble(0), r.GetDouble(1), tests, r.GetInt32(3), r.GetInt32(4), r.IsDBNull(5) ? null : r.GetDouble(5),
                tests == 1 ? r.GetString(6) : null);
        });
    }
}
