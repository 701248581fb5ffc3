using System.Runtime.ExceptionServices;

namespace Dala.Quality.Intake;

public sealed partial class MeasurementIntake
{
    /// <summary>
    /// Where the threads of a parallel intake meet, all under one lock: blocks read and waiting for a builder, blocks
    /// built and waiting to be gathered (by sequence), blocks free for reuse. Every wait is a <see cref="Monitor.Wait(object)"/>:
    /// with two cores, a spinning waiter would take the time the others need.
    /// </summary>
    private sealed class Flow
    {
        public readonly object Gate = new();
        public readonly Queue<LineBlock> Read = new();
        public readonly Dictionary<int, Batch> Built = [];
        public readonly Stack<LineBlock> Free = new();

        /// <summary>Blocks read and not yet gathered: the reader waits while <see cref="MaxInFlight"/> are.</summary>
        public int InFlight;

        public int MaxInFlight;

        /// <summary>Blocks read so far (the next block's sequence).</summary>
        public int Blocks;

        public bool ReadAll;
        public bool Stopped;
        public Exception? Failure;

        /// <summary>Stops every thread; the first failure is the one thrown to the caller.</summary>
        public void Fail(Exception e)
        {
            lock (Gate)
            {
                Failure ??= e;
                Stopped = true;
                Monitor.PulseAll(Gate);
            }
        }
    }

    /// <summary>
    /// The rest of the input after <paramref name="first"/> (built here; <paramref name="lines"/> is on the next line):
    /// one thread reads lines into blocks of <see cref="BlockLines"/> (copying them out of the reader's reused buffers),
    /// <see cref="Builders"/> threads build blocks, and this thread gathers the built blocks in file order, whichever
    /// builder finishes first, into batches of <paramref name="size"/> lines for the writer. At most a batch's blocks
    /// and builders x 2 + 2 more are between reading and gathering, so memory does not grow with the file, and while the
    /// writer writes one batch the next is read and built: the writer (or the database server it feeds) never waits
    /// for a whole batch to be built. The blocks are small so that few built measurements wait at a time (those that
    /// outlive a young-generation collection are copied and promoted, most of what the GC costs here). The reader and
    /// the builders run at a lower priority (<see cref="BackgroundPriority"/>): they work ahead within that bound, and on
    /// two cores they must not take the core the writer needs. An error on any thread stops all and is thrown here
    /// (the writer, never committed, then writes nothing).
    /// </summary>
    private void Parallel(IEnumerator<InputLine> lines, Batch first, BatchMaker maker, int size, Action<Batch> write)
    {
        var flow = new Flow { MaxInFlight = (size + BlockLines - 1) / BlockLines + Builders * 2 + 2 };
        var threads = new List<Thread> { Start(() => ReadBlocks(lines, first.Lines, BlockLines, flow), "measurement intake reader", flow) };
        for (var i = 0; i < Builders; i++) threads.Add(Start(() => BuildBlocks(maker, flow), "measurement intake builder", flow));
        try
        {
            write(first);
            Batch? gathered = null;
            for (var next = 0; Take(flow, next) is { } built; next++)
            {
                (gathered ??= new Batch(size)).Append(built);
                if (gathered.Lines < size) continue;
                write(gathered);
                gathered = null;
            }
            bool stopped;
            lock (flow.Gate) stopped = flow.Stopped;
            if (gathered is not null && !stopped) write(gathered);
        }
        catch (Exception e)
        {
            flow.Fail(e);
        }
        foreach (var t in threads) t.Join();
        if (flow.Failure is not null) ExceptionDispatchInfo.Throw(flow.Failure);
    }

    /// <summary>Block <paramref name="next"/> once built (the reader may then read one more); null when every block is taken or the flow stopped.</summary>
    private static Batch? Take(Flow flow, int next)
    {
        lock (flow.Gate)
        {
            while (true)
            {
                if (flow.Stopped) return null;
                if (flow.Built.Remove(next, out var b))
                {
                    flow.InFlight--;
                    Monitor.PulseAll(flow.Gate);
                    return b;
                }
                if (flow.ReadAll && next == flow.Blocks) return null;
                Monitor.Wait(flow.Gate);
            }
        }
    }

    private static Thread Start(Action run, string name, Flow flow)
    {
        var t = new Thread(() =>
        {
            BackgroundPriority.Lower();
            try { run(); }
            catch (Exception e) { flow.Fail(e); }
        }) { IsBackground = true, Name = name };
        t.UnsafeStart();
        return t;
    }

    /// <summary>The reader: lines into blocks, handed over in order while fewer than the most allowed are in flight.</summary>
    private static void ReadBlocks(IEnumerator<InputLine> lines, int ordinal, int size, Flow flow)
    {
        try
        {
            for (var more = true; more;)
            {
                LineBlock block;
                lock (flow.Gate) block = flow.Free.Count > 0 ? flow.Free.Pop() : new LineBlock(size);
                block.Clear(ordinal);
                while (more && !block.Full)
                {
                    block.Add(lines.Current);
                    more = lines.MoveNext();
                }
                ordinal += block.Count;
                lock (flow.Gate)
                {
                    while (flow.InFlight >= flow.MaxInFlight && !flow.Stopped) Monitor.Wait(flow.Gate);
                    if (flow.Stopped) return;
                    block.Sequence = flow.Blocks++;
                    flow.Read.Enqueue(block);
                    flow.InFlight++;
                    Monitor.PulseAll(flow.Gate);
                }
            }
        }
        finally
        {
            lock (flow.Gate)
            {
                flow.ReadAll = true;
                Monitor.PulseAll(flow.Gate);
            }
        }
    }

    /// <summary>A builder: blocks into batches, each with this thread's own line and text buffers (and interning caches).</summary>
    private static void BuildBlocks(BatchMaker maker, Flow flow)
    {
        var raw = new RawLine();
        var text = new LineBlock.BlockText();
        while (true)
        {
            LineBlock block;
            lock (flow.Gate)
            {
                while (flow.Read.Count == 0 && !flow.ReadAll && !flow.Stopped) Monitor.Wait(flow.Gate);
                if (flow.Stopped || flow.Read.Count == 0) return;
                block = flow.Read.Dequeue();
            }
            var batch = maker.Of(block, raw, text);
            lock (flow.Gate)
            {
                flow.Built.Add(block.Sequence, batch);
                flow.Free.Push(block);
                Monitor.PulseAll(flow.Gate);
            }
        }
    }
}
