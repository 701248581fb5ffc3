using System.Collections.Concurrent;

namespace Dala.Web.Ndt7;

/// <summary>Where finished (and aborted) ndt7 tests go. Called once per test, from the test's request; must not block for long.</summary>
public interface INdt7ResultSink
{
    void Record(Ndt7Result result);
}

/// <summary>The default sink: keeps the latest results in memory (bounded), newest last.</summary>
public sealed class InMemoryNdt7Results(int keep = 1000) : INdt7ResultSink
{
    private readonly ConcurrentQueue<Ndt7Result> _results = new();

    public void Record(Ndt7Result result)
    {
        _results.Enqueue(result);
        while (_results.Count > keep) _results.TryDequeue(out _);
    }

    public IReadOnlyList<Ndt7Result> Snapshot() => [.. _results];
}
