using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Store;

namespace Dala.Benchmarks;

/// <summary>A measurement store for the benches that only takes appends: every reader throws (bench only).</summary>
internal abstract class AppendOnlyStore : IMeasurementStore
{
    public abstract IMeasurementWriter BeginAppend(long expected = 0);

    private NotSupportedException Unused() => new($"{GetType().Name} only takes appends");
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
