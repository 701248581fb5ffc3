using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Model;
using Dala.Registry.Store;
using NetTopologySuite.Geometries;

namespace Dala.Quality.Tests.Intake;

/// <summary>
/// A registry of two square regions side by side (KZ-A west of 72 E, KZ-B east of it, 50-52 N: points near the shared
/// border get the exact polygon test) and a few settlements; only what intake reads of a registry.
/// </summary>
internal sealed class TwoRegions : IRegistryStore
{
    private static Polygon Square(double west, double east) => Geo.Io.GeoJsonGeometry.Factory.CreatePolygon(
        [new(west, 50), new(east, 50), new(east, 52), new(west, 52), new(west, 50)]);

    private static Settlement Place(string id, double lon, double lat, string region) =>
        new(id, new Names(id), SettlementKind.Village, Population.Unknown, new LonLat(lon, lat), region, null, "test");

    private readonly RegistrySnapshot _snapshot = new(1,
        [new Region("KZ-A", new Names("A"), Square(70, 72), "test"), new Region("KZ-B", new Names("B"), Square(72, 74), "test")],
        [Place("s-1", 71.43, 51.13, "KZ-A"), Place("s-2", 72.01, 51.0, "KZ-B"), Place("s-3", 71.99, 51.0, "KZ-A")],
        [], [], [], [], null, null);

    public long ReadRevision() => 1;

    public RegistrySnapshot ReadSnapshot() => _snapshot;

    public IRegistryWriter BeginWrite() => throw new NotSupportedException();

    public string Describe() => "two regions";

    public IReadOnlyList<string> SettlementsInBox(BBox box) => throw new NotSupportedException();

    public IReadOnlyList<Nearby> NearestSettlements(LonLat point, int count) => throw new NotSupportedException();

    public string? RegionAt(LonLat point) => throw new NotSupportedException();
}

/// <summary>
/// An in-memory measurement store that records every batch its writer is given, in order, and finds duplicates by
/// id (against what is committed and what came earlier in the transaction), as the real stores do.
/// <see cref="FailOnAdd"/> makes the writer throw on that batch (1-based).
/// </summary>
internal sealed class RecordingStore : IMeasurementStore
{
    public readonly HashSet<string> Ids = [];
    public readonly List<(IReadOnlyList<Measurement> Measurements, IReadOnlyList<QuarantinedLine> Quarantined)> Batches = [];
    public int Commits;
    public int FailOnAdd;

    /// <summary>Lines the writer asks for per batch.</summary>
    public int BatchLines = Dala.Quality.Intake.MeasurementIntake.PipelineBatch;

    public IMeasurementWriter BeginAppend(long expected = 0) => new Writer(this);

    private sealed class Writer(RecordingStore store) : IMeasurementWriter
    {
        private readonly HashSet<string> _pending = [];

        public int BatchLines => store.BatchLines;

        public int Add(IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined, Span<bool> isNew = default)
        {
            store.Batches.Add(([.. measurements], [.. quarantined]));
            if (store.Batches.Count == store.FailOnAdd) throw new IOException("the disk is full");
            var added = 0;
            for (var i = 0; i < measurements.Count; i++)
            {
                var fresh = !store.Ids.Contains(measurements[i].Id) && _pending.Add(measurements[i].Id);
                if (!isNew.IsEmpty) isNew[i] = fresh;
                if (fresh) added++;
            }
            return added;
        }

        public void Commit()
        {
            store.Ids.UnionWith(_pending);
            store.Commits++;
        }

        public void Dispose() { }
    }

    private static NotSupportedException Unused() => new("only appends");
    public IReadOnlyList<GroupStats> Aggregate(AggregateQuery query) => throw Unused();
    public IReadOnlyList<HistogramBucket> Histogram(string? region, string? @operator) => throw Unused();
    public IReadOnlyList<TileStats> Tiles(BBox box, int limit) => throw Unused();
    public IReadOnlyList<PointCell> PointCells(BBox box, int columns, int rows, MeasurementFilter filter) => throw Unused();
    public IReadOnlyList<Measurement> Recent(MeasurementFilter filter, int limit) => throw Unused();
    public IReadOnlyList<QuarantinedLine> Quarantine(int limit) => throw Unused();
    public MeasurementCounts Counts() => throw Unused();
    public IEnumerable<Measurement> Tests(TestQuery query) => throw Unused();
    public IReadOnlyList<Rankings.NetworkCount> ClientNetworks(GroupBy by, bool includeSynthetic) => throw Unused();
    public IReadOnlyList<Rankings.TileSums> TileSums(bool includeSynthetic) => throw Unused();
    public IReadOnlyList<Rankings.OpenTile> OpenTiles(string? fromMonth, string? toMonth, bool includeSynthetic) => throw Unused();
}
