using Dala.Storage.Sqlite.Chunks;
using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Store;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteMeasurementStore
{
    /// <summary>
    /// Reads the packed values of the groups the query selects (measurement_values: every filter is a group key),
    /// merges them per output group into one array per metric, and selects the exact percentiles of the groups on
    /// every core.
    /// </summary>
    public IReadOnlyList<GroupStats> Aggregate(AggregateQuery q)
    {
        EnsureMeasurements();
        using var c = registry.Open();
        var filter = "";
        var args = new List<string>();
        void Add(string column, string? value)
        {
            if (value is null) return;
            args.Add(value);
            filter += $" AND {column} = ?{args.Count}";
        }
        Add("region_code", q.Region);
        Add("operator_id", q.Operator);
        Add("month", q.Month);
        if (!q.IncludeSynthetic) filter += " AND synthetic = 0";
        var groups = new Dictionary<(string?, string?, string?), PackedGroup>();
        PackedGroup GroupOf(SqliteStatement s)
        {
            var key = (q.By.HasFlag(GroupBy.Region) ? s.ColumnText(0) : null, q.By.HasFlag(GroupBy.Operator) ? s.ColumnText(1) : null,
                q.By.HasFlag(GroupBy.Month) ? s.ColumnText(2) : null);
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = new PackedGroup(key.Item1, key.Item2, key.Item3);
            return g;
        }
        // Two passes over one snapshot: the sizes (small columns), then the values straight into arrays of the right length.
        using var snapshot = c.BeginTransaction(deferred: true);
        using (var sizes = new SqliteStatement(c, "SELECT region_code, operator_id, month, tests, length(down), length(up), length(latency) " +
                                                  $"FROM measurement_values WHERE 1 = 1{filter}"))
        {
            for (var i = 0; i < args.Count; i++) sizes.Text(i + 1, args[i]);
            while (sizes.Step()) GroupOf(sizes).Size((int)sizes.ColumnInteger(3), (int)sizes.ColumnInteger(4) / 8, (int)sizes.ColumnInteger(5) / 8,
                (int)sizes.ColumnInteger(6) / 8);
        }
        using (var values = new SqliteStatement(c, $"SELECT region_code, operator_id, month, down, up, latency FROM measurement_values WHERE 1 = 1{filter}"))
        {
            for (var i = 0; i < args.Count; i++) values.Text(i + 1, args[i]);
            while (values.Step()) GroupOf(values).Fill(values.ColumnBlob(3), values.ColumnBlob(4), values.ColumnBlob(5));
        }
        var list = groups.Values.Where(g => g.Tests > 0).ToArray();
        var stats = new GroupStats[list.Length];
        Parallel.For(0, list.Length, i => stats[i] = list[i].ToStats());
        return stats.Order(GroupStats.Order).ToArray();
    }

    /// <summary>One output group's values, gathered from its chunks.</summary>
    private sealed class PackedGroup(string? region, string? @operator, string? month)
    {
        private double[] _down = [];
        private double[] _up = [];
        private double[] _latency = [];
        private int _nDown, _nUp, _nLatency;
        private bool _allocated;

        public int Tests { get; private set; }

        public void Size(int tests, int down, int up, int latency)
        {
            Tests += tests;
            _nDown += down;
            _nUp += up;
            _nLatency += latency;
        }

        public void Fill(ReadOnlySpan<byte> down, ReadOnlySpan<byte> up, ReadOnlySpan<byte> latency)
        {
            if (!_allocated)
            {
                (_down, _up, _latency, _nDown, _nUp, _nLatency) = (new double[_nDown], new double[_nUp], new double[_nLatency], 0, 0, 0);
                _allocated = true;
            }
            Append(_down, ref _nDown, down);
            Append(_up, ref _nUp, up);
            Append(_latency, ref _nLatency, latency);
        }

        private static void Append(double[] target, ref int n, ReadOnlySpan<byte> blob)
        {
            var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(blob);
            values.CopyTo(target.AsSpan(n));
            n += values.Length;
        }

        public GroupStats ToStats()
        {
            var fast = 0;
            foreach (var d in _down) if (d >= 100) fast++;
            return new GroupStats(region, @operator, month, Tests, Selection.Spread(_down), Selection.Spread(_up), Selection.Spread(_latency),
                _down.Length == 0 ? null : (double)fast / _down.Length);
        }
    }

    /// <summary>From the packed download values (every valid single test with a download is in measurement_values, SYNTHETIC or not).</summary>
    public IReadOnlyList<HistogramBucket> Histogram(string? region, string? @operator)
    {
        EnsureMeasurements();
        using var c = registry.Open();
        var filter = (region is null ? "" : " AND region_code = ?1") + (@operator is null ? "" : " AND operator_id = ?2");
        var counts = new Dictionary<int, long>();
        using var snapshot = c.BeginTransaction(deferred: true);
        using var q = new SqliteStatement(c, $"SELECT down FROM measurement_values WHERE down IS NOT NULL{filter}");
        if (region is not null) q.Text(1, region);
        if (@operator is not null) q.Text(2, @operator);
        while (q.Step())
        {
            foreach (var d in System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(q.ColumnBlob(0)))
            {
                var b = Dala.Quality.Aggregates.Histogram.BucketOf(d);
                counts[b] = counts.GetValueOrDefault(b) + 1;
            }
        }
        return Buckets.Of(counts);
    }

    public IReadOnlyList<TileStats> Tiles(BBox box, int limit)
    {
        EnsureMeasurements();
        using var c = registry.Open();
        using var snapshot = c.BeginTransaction(deferred: true);
        var tiles = new Dictionary<string, GroupAccumulator>(StringComparer.Ordinal);
        foreach (var chunk in ReadChunks(c))
        {
            var accs = new GroupAccumulator?[chunk.Quadkey.Entries];
            for (var i = 0; i < chunk.Count; i++)
            {
                var q = chunk.Quadkey.Codes[i];
                if (q < 0 || chunk.Valid[i] == 0) continue;
                double lon = chunk.Lon[i], lat = chunk.Lat[i];
                // BETWEEN: both ends inclusive; a missing place (NaN) fails every comparison, as NULL does.
                if (!(lon >= box.West && lon <= box.East && lat >= box.South && lat <= box.North)) continue;
                var acc = accs[q];
                if (acc is null)
                {
                    var key = chunk.Quadkey.Value(q);
                    if (!tiles.TryGetValue(key, out acc)) tiles[key] = acc = new GroupAccumulator(key, null, null);
                    accs[q] = acc;
                }
                acc.Add(TestChunk.Real(chunk.Down[i]), TestChunk.Real(chunk.Up[i]), TestChunk.Real(chunk.Latency[i]));
            }
        }
        return tiles.Values.Select(t => t.ToStats()).Select(s => new TileStats(s.Region!, s.Tests, s.Down, s.Up, s.Latency))
            .OrderByDescending(t => t.Tests).ThenBy(t => t.Quadkey, StringComparer.Ordinal).Take(limit).ToArray();
    }
}
