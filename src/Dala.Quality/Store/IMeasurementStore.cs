using Dala.Geo;
using Dala.Quality.Aggregates;
using Dala.Quality.Model;

namespace Dala.Quality.Store;

/// <summary>
/// Where measurements are kept (declared here, implemented by every store). Measurements are many (millions),
/// so filters and aggregates run in the store, not over a snapshot.
/// </summary>
public interface IMeasurementStore
{
    /// <summary>
    /// Starts one transaction that takes batches of measurements and quarantined lines. A measurement whose id is
    /// already stored is left as it is (re-importing a file changes nothing). Nothing is visible before Commit;
    /// disposing without it writes nothing. <paramref name="expected"/> is a hint (0: unknown, small): how many
    /// lines are coming, so that a large load can be written as one (indexes built after it).
    /// </summary>
    IMeasurementWriter BeginAppend(long expected = 0);

    /// <summary>Exact p10/median/p90 of valid single tests per group (Hyndman-Fan type 7), ordered by region, operator, month.</summary>
    IReadOnlyList<GroupStats> Aggregate(AggregateQuery query);

    /// <summary>Valid single tests per download-speed bucket (<see cref="Histogram"/>).</summary>
    IReadOnlyList<HistogramBucket> Histogram(string? region, string? @operator);

    /// <summary>Valid single tests per zoom-16 quadkey inside the box, busiest first, at most limit tiles.</summary>
    IReadOnlyList<TileStats> Tiles(BBox box, int limit);

    /// <summary>
    /// Single tests with a location in the box (west and south inclusive, east and north exclusive) that match the filter,
    /// binned in a grid of <paramref name="columns"/> × <paramref name="rows"/> equal cells in degrees over the box: one
    /// <see cref="PointCell"/> per cell that holds any. What the measurement vector tiles draw.
    /// </summary>
    IReadOnlyList<PointCell> PointCells(BBox box, int columns, int rows, MeasurementFilter filter);

    /// <summary>The newest measurements (any validity), newest first.</summary>
    IReadOnlyList<Measurement> Recent(MeasurementFilter filter, int limit);

    IReadOnlyList<QuarantinedLine> Quarantine(int limit);

    MeasurementCounts Counts();

    /// <summary>
    /// Single tests (not tiles) with From &lt;= time &lt; To matching the query, ordered by time then id, streamed (enumerate
    /// once; the store keeps a connection open while it is enumerated). What verdicts and claim checks count.
    /// </summary>
    IEnumerable<Measurement> Tests(TestQuery query);

    /// <summary>Distinct client networks (/24, /48) of valid single tests per group of <paramref name="by"/> and month (Month is always a key).</summary>
    IReadOnlyList<Rankings.NetworkCount> ClientNetworks(GroupBy by, bool includeSynthetic);

    /// <summary>Additive sums over valid Ookla tiles (kind Tile) per region x operator x month (<see cref="Rankings.TileWeighted"/>).</summary>
    IReadOnlyList<Rankings.TileSums> TileSums(bool includeSynthetic);

    /// <summary>Valid single tests per zoom-16 quadkey in months from..to (inclusive, YYYY-MM, null = open), ordered by quadkey.</summary>
    IReadOnlyList<Rankings.OpenTile> OpenTiles(string? fromMonth, string? toMonth, bool includeSynthetic);
}

/// <summary>One append transaction.</summary>
public interface IMeasurementWriter : IDisposable
{
    /// <summary>
    /// Adds a batch. A measurement whose id is already stored (before this transaction, earlier in it, or earlier in
    /// the batch) is left as it is. Returns how many measurements were new; when <paramref name="isNew"/> is given
    /// (as long as the batch), it tells which.
    /// </summary>
    int Add(IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined, Span<bool> isNew = default);

    /// <summary>
    /// Lines the writer would like per <see cref="Add"/> from a long input (the intake gathers batches of this size):
    /// <see cref="Intake.MeasurementIntake.PipelineBatch"/> unless a store does better with more.
    /// </summary>
    int BatchLines => Intake.MeasurementIntake.PipelineBatch;

    void Commit();
}

public static class MeasurementStoreExtensions
{
    /// <summary>Adds one batch in its own transaction; returns how many measurements were new.</summary>
    public static int Append(this IMeasurementStore store, IReadOnlyList<Measurement> measurements, IReadOnlyList<QuarantinedLine> quarantined)
    {
        using var w = store.BeginAppend(measurements.Count + quarantined.Count);
        var added = w.Add(measurements, quarantined);
        w.Commit();
        return added;
    }
}

/// <summary>Which measurements to list; <paramref name="Ids"/>, when given, keeps only those ids (at most a few).</summary>
public sealed record MeasurementFilter(string? Region = null, string? Operator = null, MeasurementSource? Source = null, bool? Valid = null, string? SettlementId = null,
    IReadOnlyList<string>? Ids = null);

/// <summary>
/// Which single tests to read: a time window (From inclusive, To exclusive), optionally one access technology, region,
/// operator or settlement; only valid ones unless <paramref name="ValidOnly"/> is false; SYNTHETIC ones only when asked.
/// </summary>
public sealed record TestQuery(DateTimeOffset From, DateTimeOffset To, Registry.Model.Technology? Access = null, string? Region = null,
    string? Operator = null, string? SettlementId = null, bool ValidOnly = true, bool IncludeSynthetic = false);

/// <summary>
/// The single tests of one grid cell (<see cref="IMeasurementStore.PointCells"/>): their mean position, how many, how many
/// are valid and how many SYNTHETIC, the mean download of the valid ones (null: none has one), and the id when the cell
/// holds exactly one test (else null).
/// </summary>
public sealed record PointCell(double Lon, double Lat, int Tests, int Valid, int Synthetic, double? MeanDownMbps, string? Id);

public sealed record TileStats(string Quadkey, int Tests, Spread? Down, Spread? Up, Spread? Latency);

/// <summary>
/// Single tests (<paramref name="Measurements"/> = valid + invalid), tiles and quarantined lines; of the tests, how many
/// are SYNTHETIC (<paramref name="Synthetic"/>) and how many of the valid ones, those the statistics count, are (<paramref name="SyntheticValid"/>).
/// </summary>
public sealed record MeasurementCounts(long Measurements, long Valid, long Invalid, long Tiles, long Quarantined, long Synthetic, long SyntheticValid);
