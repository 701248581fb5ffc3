using Dala.Geo;
using Dala.Registry.Progress;
using Dala.Radio.Coverage;
using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Registry.Store;
using Dala.Rollout.Plans;

namespace Dala.Web;

/// <summary>What the host gives the web app: the store, the clock, the national targets and where coverage runs are kept.</summary>
public sealed record DalaWebSettings(IRegistryStore Store, IClock Clock, IReadOnlyList<Target> Targets, ICoverageStore? Coverage = null,
    IMeasurementStore? Measurements = null)
{
    /// <summary>Where radio model calibrations are kept (null: the host keeps none).</summary>
    public Dala.Radio.Calibration.ICalibrationStore? Calibrations { get; init; }

    /// <summary>Where rollout plans are kept (null: the host keeps none).</summary>
    public IPlanStore? Plans { get; init; }

    /// <summary>The quality inspectorate's case desk: the case store, the fine schedule and the clock (null: the host keeps no cases).</summary>
    public Quality.Cases.CaseDesk? Cases { get; init; }
    /// <summary>Where licence obligations are kept (null: the host keeps none).</summary>
    public Dala.Quality.Obligations.IObligationStore? Obligations { get; init; }
    /// <summary>Where coverage claims and their challenges are kept (null: the host keeps none).</summary>
    public Dala.Quality.Claims.IClaimStore? Claims { get; init; }

    /// <summary>Where mass events are kept (null: the host keeps none).</summary>
    public Dala.Events.Store.IEventStore? Events { get; init; }
    /// <summary>Where mast permit requests and offered sites are kept (null: the host keeps none).</summary>
    public Dala.Permits.Store.IPermitStore? Permits { get; init; }

    /// <summary>Where background jobs wait, run and are kept (null: in memory, for this process only).</summary>
    public Dala.Platform.Jobs.IJobStore? JobStore { get; init; }

    /// <summary>Users and API keys (null: none kept; every write is refused).</summary>
    public Dala.Platform.Accounts.IAccountStore? Accounts { get; init; }
    /// <summary>Where every write is recorded (null: in memory only).</summary>
    public Dala.Platform.Audit.IAuditLog? Audit { get; init; }

    /// <summary>The programme indicators and their reported values (null: the host keeps none; derived ones are still shown).</summary>
    public Dala.Registry.Indicators.IIndicatorStore? Indicators { get; init; }

    /// <summary>The background job runner's limits (plans run one at a time per runner from a bounded queue).</summary>
    public Jobs.JobRunnerOptions Jobs { get; init; } = new();

    /// <summary>Which operator a client address belongs to (CIDR prefixes), for measurements taken or posted here.</summary>
    public OperatorPrefixes Operators { get; init; } = OperatorPrefixes.Empty;

    /// <summary>The largest NDJSON batch POST /api/measurements accepts.</summary>
    public int MaxBatchBytes { get; init; } = 8 * 1024 * 1024;

    public int MaxBatchLines { get; init; } = 50_000;

    /// <summary>The ndt7 speed-test server's settings (test length, capacity, access tokens).</summary>
    public Ndt7.Ndt7Settings Ndt7 { get; init; } = Dala.Web.Ndt7.Ndt7Settings.Default;

    /// <summary>Rate limits, body limits and cache bounds of the HTTP platform.</summary>
    public Http.PlatformLimits Limits { get; init; } = Http.PlatformLimits.Default;

    /// <summary>The base every map draws beneath Dala's layers (dala serve --basemap); the offline default when none is given.</summary>
    public Basemap.BasemapSource Basemap { get; init; } = Dala.Web.Basemap.BasemapSource.Offline;

    /// <summary>How long a client may take to send a batch.</summary>
    public TimeSpan IntakeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public DalaWebSettings(IRegistryStore store) : this(store, SystemClock.Instance, Target.Defaults) { }
}
