using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Store;

namespace Dala.Benchmarks;

/// <summary>
/// A measurement store that keeps nothing: its writer counts what it is given and calls every measurement new (no
/// duplicate check, which is the store's business). For timing the intake's reading and building alone (bench only).
/// </summary>
internal sealed class DiscardingStore : IMeasurementStore
{
    public long Measurements;
    public long Quarantined;

    public IMeasurementWriter BeginAppend(long expected = 0) => new Writer(this);

    private sealed class Writer(DiscardingStore store) : IMeasurementWriter
    {
        public int Add(IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined, Span<bool> isNew = default)
        {
            store.Measurements += measurements.Count;
            store.Quarantined += quarantined.Count;
            if (!isNew.IsEmpty) isNew.Fill(true);
            return measurements.Count;
        }

        public void Commit() { }

        public void Dispose() { }
    }

    private static NotSupportedException Unused() => new("the discarding store only takes appends");
    public IReadOnlyList<GroupStats> Aggregate(AggregateQuery query) => throw Unused();
    public IReadOnlyList<HistogramBucket> Histogram(string? region, string? @operator) => throw Unused();
    public IReadOnlyList<TileStats> Tiles(Geo.BBox box, int limit) => throw Unused();
    public IReadOnlyList<PointCell> PointCells(Geo.BBox box, int columns, int rows, MeasurementFilter filter) => throw Unused();
    public IReadOnlyList<Measurement> Recent(MeasurementFilter filter, int limit) => throw Unused();
    public IReadOnlyList<QuarantinedLine> Quarantine(int limit) => throw Unused();
    public MeasurementCounts Counts() => throw Unused();
    public IEnumerable<Measurement> Tests(TestQuery query) => throw Unused();
    public IReadOnlyList<Quality.Rankings.NetworkCount> ClientNetworks(GroupBy by, bool includeSynthetic) => throw Unused();
    public IReadOnlyList<Quality.Rankings.TileSums> TileSums(bool includeSynthetic) => throw Unused();
    public IReadOnlyList<Quality.Rankings.OpenTile> OpenTiles(string? fromMonth, string? toMonth, bool includeSynthetic) => throw Unused();
}
