namespace Dala.Web.Jobs;

/// <summary>Where a running job's work is: a phase name and the share done (0..1), reported from any thread and sent to
/// the store with each heartbeat; and which job it is (<see cref="JobId"/>: its files in the store are read by it).</summary>
public sealed class JobProgress(string jobId = "")
{
    public string JobId => jobId;

    private readonly Lock _gate = new();
    private string _phase = "starting";
    private double _share;

    public void Report(string phase, double share)
    {
        lock (_gate)
        {
            _phase = phase;
            if (double.IsFinite(share)) _share = Math.Clamp(share, 0, 1);
        }
    }

    public (string Phase, double Share) Read()
    {
        lock (_gate) return (_phase, _share);
    }
}

/// <summary>The work of one kind of job: reads its input (the request, JSON), reports progress, honours the token, returns what it made or throws.</summary>
public delegate Platform.Jobs.JobResult JobWork(JobProgress progress, string input, CancellationToken cancel);

/// <summary>The kinds of job this host can run, by name.</summary>
public sealed class JobKinds
{
    private readonly Dictionary<string, JobWork> _work = new(StringComparer.Ordinal);

    public JobKinds Add(string kind, JobWork work)
    {
        _work.Add(kind, work);
        return this;
    }

    public IReadOnlyCollection<string> Names => _work.Keys;

    public JobWork this[string kind] => _work[kind];
}
