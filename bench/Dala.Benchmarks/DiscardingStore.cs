using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Store;

namespace Dala.Benchmarks;

/// <summary>
/// A measurement store that keeps nothing: its writer counts what it is given and calls every measurement new (no
/// duplicate check, which is the store's business). For timing the intake's reading and building alone (bench only);
/// with <paramref name="writerUs"/> > 0 its writer also does that much CPU work a measurement (a hash loop, calibrated
/// once), to stand in for a store whose writes cost that much.
/// </summary>
internal sealed class DiscardingStore(double writerUs = 0) : AppendOnlyStore
{
    public long Measurements;
    public long Quarantined;
    private readonly long _rounds = writerUs > 0 ? (long)(writerUs * RoundsPerMicrosecond()) : 0;
    private ulong _sink;

    /// <summary>How many rounds of <see cref="Work"/> take a microsecond on this thread (best of a few tries).</summary>
    private static double RoundsPerMicrosecond()
    {
        var best = 0.0;
        for (var i = 0; i < 5; i++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            Work(2_000_000, 1);
            best = Math.Max(best, 2_000_000 / sw.Elapsed.TotalMicroseconds);
        }
        return best;
    }

    private static ulong Work(long rounds, ulong x)
    {
        for (var i = 0L; i < rounds; i++) x = (x ^ (x >> 13)) * 0x9E3779B97F4A7C15UL + 1;
        return x;
    }

    public override IMeasurementWriter BeginAppend(long expected = 0) => new Writer(this);

    private sealed class Writer(DiscardingStore store) : IMeasurementWriter
    {
        public int Add(IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined, Span<bool> isNew = default)
        {
            store.Measurements += measurements.Count;
            if (store._rounds > 0) store._sink += Work(store._rounds * measurements.Count, store._sink);
            store.Quarantined += quarantined.Count;
            if (!isNew.IsEmpty) isNew.Fill(true);
            return measurements.Count;
        }

        public void Commit() { }

        public void Dispose() { }
    }
}
