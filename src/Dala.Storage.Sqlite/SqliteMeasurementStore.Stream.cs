using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Storage.Sqlite.Chunks;
using static Dala.Quality.Store.MeasurementColumns;

namespace Dala.Storage.Sqlite;

public sealed partial class SqliteMeasurementStore
{
    /// <summary>About this many tests are gathered and sorted at a time while a window is streamed (tests set it small).</summary>
    public long StreamSlice { get; init; } = 1 << 20;

    /// <summary>
    /// Streams a time window in order: chunks are sorted inside but overlap one another (an import in no time order
    /// spreads each chunk over the whole window), so the window is cut into slices of about <see cref="StreamSlice"/>
    /// tests (judged from the chunks' counts and spans), and each slice's matching tests are gathered, sorted and handed out.
    /// Memory is one slice, whatever the window holds.
    /// </summary>
    public IEnumerable<Measurement> Tests(TestQuery query)
    {
        EnsureMeasurements();
        using var c = registry.Open();
        using var snapshot = c.BeginTransaction(deferred: true);
        long from = Microseconds(query.From), to = Microseconds(query.To);
        var spans = new List<(long Tests, long Min, long Max)>();
        using (var q = new SqliteStatement(c, "SELECT tests, min_time_us, max_time_us FROM measurement_chunks WHERE max_time_us >= ?1 AND min_time_us < ?2"))
        {
            q.Integer(1, from);
            q.Integer(2, to);
            while (q.Step()) spans.Add((q.ColumnInteger(0), q.ColumnInteger(1), q.ColumnInteger(2)));
        }
        if (spans.Count == 0) yield break;
        from = Math.Max(from, spans.Min(s => s.Min));
        to = Math.Min(to, spans.Max(s => s.Max) + 1);
        // Tests expected in the window, each chunk's spread evenly over its span.
        var expected = spans.Sum(s => s.Tests * Overlap(s.Min, s.Max + 1, from, to));
        var slices = (long)Math.Clamp(Math.Ceiling(expected / StreamSlice), 1, 4096);
        var width = (to - from + slices - 1) / slices;
        var access = query.Access?.WireName();
        var byTime = Comparer<Measurement>.Create(static (a, b) =>
        {
            var t = a.Time.UtcTicks.CompareTo(b.Time.UtcTicks);
            return t != 0 ? t : string.CompareOrdinal(a.Id, b.Id);
        });
        for (var start = from; start < to; start += width)
        {
            var end = Math.Min(to, start + width);
            var slice = new List<Measurement>();
            foreach (var chunk in ReadChunks(c, start, end))
            {
                int accessCode = access is null ? int.MinValue : chunk.Access.CodeOf(access),
                    region = query.Region is null ? int.MinValue : chunk.Region.CodeOf(query.Region),
                    op = query.Operator is null ? int.MinValue : chunk.Operator.CodeOf(query.Operator),
                    settlement = query.SettlementId is null ? int.MinValue : chunk.Settlement.CodeOf(query.SettlementId);
                if (accessCode == -2 || region == -2 || op == -2 || settlement == -2) continue;
                var first = LowerBound(chunk.TimeUs, start);
                for (var i = first; i < chunk.Count && chunk.TimeUs[i] < end; i++)
                {
                    if ((accessCode != int.MinValue && chunk.Access.Codes[i] != accessCode) || (region != int.MinValue && chunk.Region.Codes[i] != region)
                        || (op != int.MinValue && chunk.Operator.Codes[i] != op) || (settlement != int.MinValue && chunk.Settlement.Codes[i] != settlement)
                        || (query.ValidOnly && chunk.Valid[i] == 0) || (!query.IncludeSynthetic && chunk.Synthetic[i] != 0)) continue;
                    slice.Add(chunk.At(i));
                }
            }
            slice.Sort(byTime);
            foreach (var m in slice) yield return m;
        }
    }

    /// <summary>The share of [min, max) that lies in [from, to).</summary>
    private static double Overlap(long min, long max, long from, long to)
    {
        var inside = Math.Min(max, to) - Math.Max(min, from);
        return inside <= 0 ? 0 : (double)inside / Math.Max(1, max - min);
    }

    /// <summary>The first index whose time is at least t (the times are sorted).</summary>
    private static int LowerBound(long[] times, long t)
    {
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
