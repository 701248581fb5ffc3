using Dala.Geo;
using Dala.Quality.Store;

namespace Dala.Storage.Postgres;

public sealed partial class PostgresMeasurementStore
{
    public IReadOnlyList<PointCell> PointCells(BBox box, int columns, int rows, MeasurementFilter filter)
    {
        using var c = registry.Open();
        var (where, args) = Where(filter, 7);
        return PostgresRegistryStore.Query(c, null,
            "SELECT avg(lon), avg(lat), count(*), count(*) FILTER (WHERE valid), count(*) FILTER (WHERE synthetic), " +
            "avg(down_mbps) FILTER (WHERE valid), min(id COLLATE \"C\") " +
            $"FROM measurements WHERE kind = 0 AND lon >= $1 AND lon < $3 AND lat >= $2 AND lat < $4{where} " +
            "GROUP BY floor((lon - $1) * $5), floor((lat - $2) * $6) ORDER BY min(id COLLATE \"C\")",
            r =>
            {
                var tests = (int)r.GetInt64(2);
                return new PointCell(r.GetDouble(0), r.GetDouble(1), tests, (int)r.GetInt64(3), (int)r.GetInt64(4), r.IsDBNull(5) ? null : r.GetDouble(5),
                    tests == 1 ? r.GetString(6) : null);
            },
            [box.West, box.South, box.East, box.North, columns / (box.East - box.West), rows / (box.North - box.South), .. args]);
    }
}
