using Dala.Registry.Import;
using Spectre.Console;

namespace Dala.Cli;

/// <summary>
/// Shows an import's phases as progress bars on an interactive terminal; elsewhere (pipes, CI, tests) it
/// stays silent so the output is the summary alone.
/// </summary>
public static class ProgressDisplay
{
    public static T Run<T>(CliContext ctx, string title, Func<IProgress<ImportProgress>?, T> work)
    {
        if (!ctx.Interactive) return work(null);
        T result = default!;
        ctx.Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(p =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var reporter = new Reporter(ev =>
                {
                    if (!tasks.TryGetValue(ev.Phase, out var task))
                    {
                        foreach (var t in tasks.Values) t.Value = t.MaxValue;
                        tasks[ev.Phase] = task = p.AddTask($"{title}: {ev.Phase}", maxValue: Math.Max(1, ev.Total));
                    }
                    if (ev.Total > 0) task.MaxValue = ev.Total;
                    task.Value = ev.Total > 0 ? ev.Done : task.MaxValue * 0.5;
                });
                result = work(reporter);
                foreach (var t in tasks.Values) t.Value = t.MaxValue;
            });
        return result;
    }

    /// <summary>Synchronous IProgress (System.Progress posts to the thread pool, too late for a live bar).</summary>
    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
