using Dala.Quality.Model;

namespace Dala.Quality.Intake;

public sealed partial class MeasurementIntake
{
    /// <summary>Lines per batch handed from the reader to the store.</summary>
    public const int PipelineBatch = 8192;

    /// <summary>A file keeps the per-line outcomes of this many first lines.</summary>
    public const int FileLineResults = 1000;

    public const int QuarantineSampleSize = 100;

    /// <summary>Lines per batch: the writer's <see cref="Store.IMeasurementWriter.BatchLines"/> unless set (tests make it small to cross many batch boundaries).</summary>
    internal int? BatchLines { get; init; }

    /// <summary>Lines per block a builder thread builds at a time (gathered into batches of <see cref="BatchLines"/> for the writer).</summary>
    internal int BlockLines { get; init; } = DefaultBlockLines;

    internal const int DefaultBlockLines = 1024;

    /// <summary>
    /// Builder threads for a file of more than one batch (<see cref="DefaultBuilders"/>); 0 reads, builds and writes
    /// every batch on the calling thread, the plain sequential path.
    /// </summary>
    internal int Builders { get; init; } = DefaultBuilders;

    /// <summary>Two, or one on a single core: two builders with the reader keep both cores of a small server busy.</summary>
    internal static int DefaultBuilders => Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>What turns a line's fields into a measurement or its problems (<see cref="MeasurementBuilder.Build"/>; tests put in a failing one).</summary>
    internal Func<RawLine, IntakeContext, (Measurement? Measurement, IReadOnlyList<string> Problems)> Build { get; init; } = MeasurementBuilder.Build;

    /// <summary>
    /// One batch: the built measurements (with their line ordinals) and the quarantined lines, with the outcomes kept,
    /// and what its lines add to the counts. A batch may be built on any thread; the writer adds its counts in file order.
    /// </summary>
    private sealed class Batch(int capacity)
    {
        public readonly List<Measurement> Measurements = new(capacity);
        public readonly List<int> Ordinals = new(capacity);
        public readonly List<int> Numbers = new(capacity);
        public readonly List<QuarantinedLine> Quarantined = [];
        public readonly List<(int Ordinal, LineResult Result)> QuarantineResults = [];
        public readonly Dictionary<string, int> Reasons = new(StringComparer.Ordinal);

        /// <summary>The batch's first quarantined lines (at most the sample's size): the file's sample is the first batches' ones.</summary>
        public readonly List<LineResult> Sample = [];

        public int Lines;
        public int Invalid;

        /// <summary>Adds the lines of the batch that follows this one in the file.</summary>
        public void Append(Batch next)
        {
            Measurements.AddRange(next.Measurements);
            Ordinals.AddRange(next.Ordinals);
            Numbers.AddRange(next.Numbers);
            Quarantined.AddRange(next.Quarantined);
            QuarantineResults.AddRange(next.QuarantineResults);
            AddReasonsAndSample(Reasons, Sample, next);
            Lines += next.Lines;
            Invalid += next.Invalid;
        }
    }

    /// <summary>
    /// A later batch's reason counts and sample added to the earlier ones': a reason first seen in it goes after the
    /// others, and the sample takes its first lines while it has room, so both are what one pass over the lines gives.
    /// </summary>
    private static void AddReasonsAndSample(Dictionary<string, int> reasons, List<LineResult> sample, Batch later)
    {
        foreach (var (reason, n) in later.Reasons) reasons[reason] = reasons.GetValueOrDefault(reason) + n;
        for (var i = 0; i < later.Sample.Count && sample.Count < QuarantineSampleSize; i++) sample.Add(later.Sample[i]);
    }

    /// <summary>The counts over the batches written so far.</summary>
    private sealed class Tally
    {
        public int Lines;
        public int Quarantined;
        public int Invalid;
        public readonly Dictionary<string, int> Reasons = new(StringComparer.Ordinal);
        public readonly List<LineResult> Sample = [];

        /// <summary>Adds a batch's counts (batches in file order, so the sample and the reasons' order are the sequential run's).</summary>
        public void Add(Batch b)
        {
            Lines += b.Lines;
            Quarantined += b.Quarantined.Count;
            Invalid += b.Invalid;
            AddReasonsAndSample(Reasons, Sample, b);
        }
    }

    /// <summary>
    /// Reads, builds and stores the lines. With <paramref name="background"/>, an input of more than one batch is read
    /// on one thread, built on <see cref="Builders"/> threads and written here in file order (<see cref="Parallel"/>);
    /// otherwise, and for an input of one batch, everything runs on the calling thread. Memory stays bounded: no object
    /// per line outlives its batch except the first <paramref name="keep"/> lines' outcomes.
    /// </summary>
    private IntakeResult Run(string origin, IEnumerable<InputLine> lines, IntakeContext ctx, Action<int>? progress, int keep, long expected, bool background)
    {
        using var writer = store.BeginAppend(expected);
        var size = Math.Max(1, BatchLines ?? writer.BatchLines);
        var maker = new BatchMaker(origin, ctx, Store.MeasurementColumns.Normalise(clock.Now), keep, Build, size);
        var tally = new Tally();
        var results = new List<LineResult>();
        int stored = 0, storedInvalid = 0;
        var isNew = new bool[size + BlockLines]; // a gathered batch ends at the first block that fills it
        void Write(Batch b)
        {
            if (b.Measurements.Count > isNew.Length) isNew = new bool[b.Measurements.Count];
            var added = writer.Add(b.Measurements, b.Quarantined, isNew.AsSpan(0, b.Measurements.Count));
            stored += added;
            for (var i = 0; i < b.Measurements.Count; i++)
            {
                if (isNew[i] && !b.Measurements[i].Valid) storedInvalid++;
            }
            if (tally.Lines < keep) Keep(b, isNew, results, keep);
            tally.Add(b);
            progress?.Invoke(tally.Lines);
        }
        using (var e = lines.GetEnumerator())
        {
            // The first batch is read and built here: an input that ends within it (an API post, a small file) starts no thread.
            var more = e.MoveNext();
            var first = maker.Next(e, ref more, 0);
            if (more && background && Builders > 0) Parallel(e, first, maker, size, Write);
            else
            {
                if (first.Lines > 0) Write(first);
                for (var ordinal = first.Lines; more;)
                {
                    var b = maker.Next(e, ref more, ordinal);
                    ordinal += b.Lines;
                    Write(b);
                }
            }
        }
        writer.Commit();
        var measurements = tally.Lines - tally.Quarantined;
        return new IntakeResult(origin, tally.Lines, stored, measurements - stored, tally.Quarantined, tally.Invalid, results)
        {
            StoredInvalid = storedInvalid, QuarantineReasons = tally.Reasons, QuarantineSample = tally.Sample,
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

    /// <summary>Builds lines into batches: the same for the sequential path and every builder thread (it holds nothing that changes).</summary>
    private sealed class BatchMaker(
        string origin, IntakeContext ctx, DateTimeOffset now, int keep,
        Func<RawLine, IntakeContext, (Measurement? Measurement, IReadOnlyList<string> Problems)> build, int size)
    {
        /// <summary>
        /// The next batch straight from the reader (<paramref name="more"/>: the enumerator is on a line not yet taken;
        /// afterwards, whether one is left), its first line being ordinal <paramref name="ordinal"/>.
        /// </summary>
        public Batch Next(IEnumerator<InputLine> lines, ref bool more, int ordinal)
        {
            var batch = new Batch(size);
            while (more && batch.Lines < size)
            {
                Add(batch, lines.Current, ordinal + batch.Lines);
                more = lines.MoveNext();
            }
            return batch;
        }

        /// <summary>A block's lines, built on a builder thread (with its own line and text buffers).</summary>
        public Batch Of(LineBlock block, RawLine raw, LineBlock.BlockText text)
        {
            var batch = new Batch(block.Count);
            for (var i = 0; i < block.Count; i++) Add(batch, block.Line(i, raw, text), block.FirstOrdinal + i);
            return batch;
        }

        private void Add(Batch batch, InputLine line, int ordinal)
        {
            batch.Lines++;
            var (m, problems) = line.Raw is null ? (null, (IReadOnlyList<string>)[line.Error!]) : build(line.Raw, ctx);
            if (m is null)
            {
                // Kept text holds no whole client address (the id is a hash of the kept text, so it cannot give one back).
                var kept = KeptText.Of(line);
                batch.Quarantined.Add(new QuarantinedLine(QuarantineId(origin, line.Number, kept), now, origin, line.Number, kept,
                    [.. problems.Select(KeptText.Reason)]));
                foreach (var reason in problems)
                {
                    var key = reason.Split(':')[0];
                    batch.Reasons[key] = batch.Reasons.GetValueOrDefault(key) + 1;
                }
                var result = new LineResult(line.Number, IntakeResult.QuarantinedStatus, null, null, problems);
                if (ordinal < keep) batch.QuarantineResults.Add((ordinal, result));
                if (batch.Sample.Count < QuarantineSampleSize) batch.Sample.Add(result);
            }
            else
            {
                if (!m.Valid) batch.Invalid++;
                batch.Measurements.Add(m);
                batch.Ordinals.Add(ordinal);
                batch.Numbers.Add(line.Number);
            }
        }
    }
}
