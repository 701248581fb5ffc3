using Dala.Quality.Model;

namespace Dala.Quality.Intake;

public sealed partial class MeasurementIntake
{
    /// <summary>Lines per batch handed from the reader to the store.</summary>
    public const int PipelineBatch = 8192;

    /// <summary>A file keeps the per-line outcomes of this many first lines.</summary>
    public const int FileLineResults = 1000;

    public const int QuarantineSampleSize = 100;

    /// <summary>One batch: the built measurements (with their line ordinals) and the quarantined lines, with the outcomes kept.</summary>
    private sealed class Batch
    {
        public readonly List<Measurement> Measurements = new(PipelineBatch);
        public readonly List<int> Ordinals = new(PipelineBatch);
        public readonly List<int> Numbers = new(PipelineBatch);
        public readonly List<QuarantinedLine> Quarantined = [];
        public readonly List<(int Ordinal, LineResult Result)> QuarantineResults = [];
        public int Lines;
    }

    /// <summary>What the reading side counts (read by the writing side only once reading is over).</summary>
    private sealed class ReadTally
    {
        public int Lines;
        public int Quarantined;
        public int Invalid;
        public readonly Dictionary<string, int> Reasons = new(StringComparer.Ordinal);
        public readonly List<LineResult> Sample = [];
    }

    /// <summary>
    /// Reads, builds and stores the lines: reading and building run on one thread and hand batches to the store on
    /// the calling thread through a short bounded queue (<paramref name="background"/>), or all on the calling thread.
    /// Memory stays bounded: no object per line outlives its batch except the first <paramref name="keep"/> lines' outcomes.
    /// </summary>
    private IntakeResult Run(string origin, IEnumerable<InputLine> lines, IntakeContext ctx, Action<int>? progress, int keep, long expected, bool background)
    {
        var now = Store.MeasurementColumns.Normalise(clock.Now);
        var read = new ReadTally();
        var results = new List<LineResult>();
        int stored = 0, storedInvalid = 0, processed = 0;
        var isNew = new bool[PipelineBatch];
        using var writer = store.BeginAppend(expected);
        void Write(Batch b)
        {
            var added = writer.Add(b.Measurements, b.Quarantined, isNew.AsSpan(0, b.Measurements.Count));
            stored += added;
            for (var i = 0; i < b.Measurements.Count; i++)
            {
                if (isNew[i] && !b.Measurements[i].Valid) storedInvalid++;
            }
            if (processed < keep) Keep(b, isNew, results, keep);
            processed += b.Lines;
            progress?.Invoke(processed);
        }
        var batches = Batches(origin, lines, ctx, now, read, keep);
        if (background) Pipeline(batches, Write); else foreach (var b in batches) Write(b);
        writer.Commit();
        var measurements = read.Lines - read.Quarantined;
        return new IntakeResult(origin, read.Lines, stored, measurements - stored, read.Quarantined, read.Invalid, results)
        {
            StoredInvalid = storedInvalid, QuarantineReasons = read.Reasons, QuarantineSample = read.Sample,
        };
    }

    /// <summary>The kept outcomes of a batch's lines, in line order.</summary>
    private static void Keep(Batch b, bool[] isNew, List<LineResult> results, int keep)
    {
        var q = 0;
        for (var i = 0; i <= b.Measurements.Count; i++)
        {
            var ordinal = i < b.Measurements.Count ? b.Ordinals[i] : int.MaxValue;
            for (; q < b.QuarantineResults.Count && b.QuarantineResults[q].Ordinal < ordinal; q++)
            {
                if (b.QuarantineResults[q].Ordinal < keep) results.Add(b.QuarantineResults[q].Result);
            }
            if (i == b.Measurements.Count || ordinal >= keep) continue;
            var m = b.Measurements[i];
            results.Add(new LineResult(b.Numbers[i], isNew[i] ? IntakeResult.StoredStatus : IntakeResult.DuplicateStatus, m.Id, m.Valid, m.Reasons));
        }
    }

    /// <summary>Reads and builds the lines, a batch at a time.</summary>
    private static IEnumerable<Batch> Batches(string origin, IEnumerable<InputLine> lines, IntakeContext ctx, DateTimeOffset now, ReadTally tally, int keep)
    {
        var batch = new Batch();
        foreach (var line in lines)
        {
            var ordinal = tally.Lines++;
            batch.Lines++;
            var (m, problems) = line.Raw is null ? (null, (IReadOnlyList<string>)[line.Error!]) : MeasurementBuilder.Build(line.Raw, ctx);
            if (m is null)
            {
                tally.Quarantined++;
                // Kept text holds no whole client address (the id is a hash of the kept text, so it cannot give one back).
                var kept = KeptText.Of(line);
                batch.Quarantined.Add(new QuarantinedLine(QuarantineId(origin, line.Number, kept), now, origin, line.Number, kept,
                    [.. problems.Select(KeptText.Reason)]));
                foreach (var reason in problems)
                {
                    var key = reason.Split(':')[0];
                    tally.Reasons[key] = tally.Reasons.GetValueOrDefault(key) + 1;
                }
                var result = new LineResult(line.Number, IntakeResult.QuarantinedStatus, null, null, problems);
                if (ordinal < keep) batch.QuarantineResults.Add((ordinal, result));
                if (tally.Sample.Count < QuarantineSampleSize) tally.Sample.Add(result);
            }
            else
            {
                if (!m.Valid) tally.Invalid++;
                batch.Measurements.Add(m);
                batch.Ordinals.Add(ordinal);
                batch.Numbers.Add(line.Number);
            }
            if (batch.Lines >= PipelineBatch)
            {
                yield return batch;
                batch = new Batch();
            }
        }
        if (batch.Lines > 0) yield return batch;
    }

    /// <summary>
    /// Produces the batches on a worker thread and writes them here, at most <c>Depth</c> waiting in between. An error
    /// on either side stops both and is thrown here (the writer, never committed, then writes nothing). The hand-over
    /// blocks without spinning: with two cores, a spinning waiter takes the time the other side needs.
    /// </summary>
    private static void Pipeline(IEnumerable<Batch> batches, Action<Batch> write)
    {
        const int Depth = 3;
        var queue = new Queue<Batch>();
        var gate = new object();
        bool finished = false, stopped = false;
        Exception? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                foreach (var b in batches)
                {
                    lock (gate)
                    {
                        while (queue.Count >= Depth && !stopped) Monitor.Wait(gate);
                        if (stopped) return;
                        queue.Enqueue(b);
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                lock (gate)
                {
                    finished = true;
                    Monitor.PulseAll(gate);
                }
            }
        }) { IsBackground = true, Name = "measurement intake reader" };
        producer.UnsafeStart();
        void Run()
        {
            while (true)
            {
                Batch b;
                lock (gate)
                {
                    while (queue.Count == 0 && !finished) Monitor.Wait(gate);
                    if (queue.Count == 0) return;
                    b = queue.Dequeue();
                    Monitor.PulseAll(gate);
                }
                write(b);
            }
        }
        try
        {
            Run();
        }
        catch
        {
            lock (gate)
            {
                stopped = true;
                Monitor.PulseAll(gate);
            }
            producer.Join();
            throw;
        }
        producer.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }
}
