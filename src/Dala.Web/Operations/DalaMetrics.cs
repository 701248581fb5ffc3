using System.Diagnostics.Metrics;
using Dala.Quality.Intake;

namespace Dala.Web.Operations;

/// <summary>
/// Dala's own instruments (meter <c>Dala.Web</c>), exported at /metrics with ASP.NET Core's (request count and duration by
/// route and status: <c>http_server_request_duration_seconds</c>) and the runtime's: measurement lines taken in by
/// outcome (a counter; rate() gives lines per second), ndt7 tests running, background jobs waiting and running, and the
/// view cache's bytes.
/// </summary>
public sealed class DalaMetrics : IDisposable
{
    public const string MeterName = "Dala.Web";

    private readonly Meter _meter;
    private readonly Counter<long> _intakeLines;

    public DalaMetrics(IMeterFactory meters, Ndt7.Ndt7Capacity ndt7, Jobs.JobRunner jobs, ViewCache cache)
    {
        _meter = meters.Create(MeterName);
        _intakeLines = _meter.CreateCounter<long>("dala.intake.lines", "{line}", "Measurement lines taken in, by outcome (stored, duplicate, quarantined)");
        _meter.CreateObservableGauge("dala.ndt7.tests_running", () => ndt7.Running, "{test}", "ndt7 speed tests running now");
        _meter.CreateObservableGauge("dala.jobs.queued", () => jobs.Count(Dala.Platform.Jobs.JobStatus.Queued), "{job}", "Background jobs waiting to run");
        _meter.CreateObservableGauge("dala.jobs.running", () => jobs.Count(Dala.Platform.Jobs.JobStatus.Running), "{job}", "Background jobs running");
        _meter.CreateObservableGauge("dala.view_cache.bytes", () => cache.Bytes, "By", "Bytes held by the view cache");
    }

    public void Intake(IntakeResult result)
    {
        if (result.Stored > 0) _intakeLines.Add(result.Stored, new KeyValuePair<string, object?>("outcome", "stored"));
        if (result.Duplicates > 0) _intakeLines.Add(result.Duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        if (result.Quarantined > 0) _intakeLines.Add(result.Quarantined, new KeyValuePair<string, object?>("outcome", "quarantined"));
    }

    public void Dispose() => _meter.Dispose();
}
