using Dala.Geo;
using Dala.Quality.Store;
using Dala.Storage.Sqlite.Chunks;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteMeasurementStore
{
    /// <summary>Bins the chunks' tests by column; cells ordered by their smallest id (ordinal), as the SQL of the other store does.</summary>
    public IReadOnlyList<PointCell> PointCells(BBox box, int columns, int rows, MeasurementFilter filter)
    {
        EnsureMeasurements();
        using var c = registry.Open();
        using var snapshot = c.BeginTransaction(deferred: true);
        double cx = columns / (box.East - box.West), cy = rows / (box.North - box.South);
        var cells = new Dictionary<(long, long), Cell>();
        foreach (var chunk in ReadChunks(c))
        {
            var match = new ChunkFilter(chunk, filter);
            if (!match.Any) continue;
            for (var i = 0; i < chunk.Count; i++)
            {
                double lon = chunk.Lon[i], lat = chunk.Lat[i];
                // A missing place is NaN here: it fails every comparison, as NULL does in SQL.
                if (!(lon >= box.West && lon < box.East && lat >= box.South && lat < box.North) || !match.Matches(i)) continue;
                var key = ((long)((lon - box.West) * cx), (long)((lat - box.South) * cy));
                if (!cells.TryGetValue(key, out var cell)) cells[key] = cell = new Cell();
                cell.Add(chunk, i);
            }
        }
        return cells.Values.OrderBy(x => x.MinId, StringComparer.Ordinal).Select(x => x.ToPointCell()).ToArray();
    }

    /// <summary>One grid cell's running sums (SQL's avg, count, sum and min over its tests).</summary>
    private sealed class Cell
    {
        private double _lon, _lat, _down;
        private int _tests, _valid, _synthetic, _downs;
        private byte[]? _minUtf8;
        private string? _minId;

        public string MinId => _minId ??= System.Text.Encoding.UTF8.GetString(_minUtf8!);

        public void Add(TestChunk chunk, int i)
        {
            _lon += chunk.Lon[i];
            _lat += chunk.Lat[i];
            _tests++;
            if (chunk.Synthetic[i] != 0) _synthetic++;
            if (chunk.Valid[i] != 0)
            {
                _valid++;
                if (TestChunk.Has(chunk.Down[i]))
                {
                    _down += chunk.Down[i];
                    _downs++;
                }
            }
            // UTF-8 byte order is SQLite's BINARY order of the ids. A copy, not the chunk: cells must not keep chunks alive.
            var id = chunk.Id.Utf8(chunk.Id.Codes[i]);
            if (_minUtf8 is null || id.SequenceCompareTo(_minUtf8) < 0) (_minUtf8, _minId) = (id.ToArray(), null);
        }

        public PointCell ToPointCell() => new(_lon / _tests, _lat / _tests, _tests, _valid, _synthetic, _downs == 0 ? null : _down / _downs,
            _tests == 1 ? MinId : null);
    }
}
