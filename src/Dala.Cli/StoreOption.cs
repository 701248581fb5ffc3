using System.CommandLine;
using System.Text.Json;
using Dala.Registry.Store;
using Dala.Storage.Postgres;
using Dala.Storage.Sqlite;

namespace Dala.Cli;

/// <summary>
/// --store on every verb: a SQLite file path, or PostgreSQL as postgres://user[:password]@host:port/db (or a
/// Host=...;Database=... connection string). Without it: $DALA_STORE, then "store" in ./dala.json, then ./dala.db.
/// </summary>
public sealed class StoreOption
{
    public const string DefaultFile = "dala.db";
    public const string ConfigFile = "dala.json";

    public Option<string?> Option { get; } = new("--store")
    {
        Description = $"The store: a SQLite file (created when missing) or postgres://user@host:port/db. " +
                      $"Default: $DALA_STORE, \"store\" in ./{ConfigFile}, else ./{DefaultFile}",
        HelpName = "STORE",
        Recursive = true,
    };

    public string Spec(ParseResult r, CliContext ctx)
    {
        if (r.GetValue(Option) is { } given) return given;
        if (ctx.Environment("DALA_STORE") is { Length: > 0 } env) return env;
        return FromConfig(ctx) ?? DefaultFile;
    }

    /// <summary>How the store was chosen: "--store", "$DALA_STORE", "./dala.json", or the default, said as such.</summary>
    public string Origin(ParseResult r, CliContext ctx)
    {
        if (r.GetValue(Option) is not null) return "--store";
        if (ctx.Environment("DALA_STORE") is { Length: > 0 }) return "$DALA_STORE";
        return FromConfig(ctx) is not null ? $"\"store\" in ./{ConfigFile}" : $"the default store: no --store, $DALA_STORE or ./{ConfigFile}";
    }

    public IRegistryStore Open(ParseResult r, CliContext ctx)
    {
        var spec = Spec(r, ctx);
        if (!PostgresLocation.IsPostgres(spec)) return new SqliteRegistryStore(ctx.FullPath(spec));
        try
        {
            return new PostgresRegistryStore(spec);
        }
        catch (FormatException e)
        {
            throw new CliException($"--store {spec}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--store {spec}: {e.Message}");
        }
    }

    /// <summary>The coverage-run store that lives beside a registry store.</summary>
    public static Radio.Coverage.ICoverageStore Coverage(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteCoverageStore(s),
        PostgresRegistryStore p => new PostgresCoverageStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no coverage runs"),
    };

    /// <summary>The calibration store that lives beside a registry store.</summary>
    public static Radio.Calibration.ICalibrationStore Calibrations(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteCalibrationStore(s),
        PostgresRegistryStore p => new PostgresCalibrationStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no calibrations"),
    };

    /// <summary>The measurement store that lives beside a registry store.</summary>
    public static Quality.Store.IMeasurementStore Measurements(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteMeasurementStore(s),
        PostgresRegistryStore p => new PostgresMeasurementStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no measurements"),
    };

    /// <summary>The rollout-plan store that lives beside a registry store.</summary>
    public static Rollout.Plans.IPlanStore Plans(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqlitePlanStore(s),
        PostgresRegistryStore p => new PostgresPlanStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no rollout plans"),
    };

    /// <summary>The background-job queue that lives beside a registry store.</summary>
    public static Platform.Jobs.IJobStore Jobs(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteJobStore(s),
        PostgresRegistryStore p => new PostgresJobStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no job queue"),
    };

    /// <summary>The quality-case store that lives beside a registry store.</summary>
    public static Quality.Cases.ICaseStore Cases(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteCaseStore(s),
        PostgresRegistryStore p => new PostgresCaseStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no quality cases"),
    };

    /// <summary>The obligation store that lives beside a registry store.</summary>
    public static Quality.Obligations.IObligationStore Obligations(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteObligationStore(s),
        PostgresRegistryStore p => new PostgresObligationStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no obligations"),
    };

    /// <summary>The coverage-claim and challenge store that lives beside a registry store.</summary>
    public static Quality.Claims.IClaimStore Claims(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteClaimStore(s),
        PostgresRegistryStore p => new PostgresClaimStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no coverage claims"),
    };

    /// <summary>The users and API keys kept beside a registry store.</summary>
    public static Platform.Accounts.IAccountStore Accounts(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteAccountStore(s),
        PostgresRegistryStore p => new PostgresAccountStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no accounts"),
    };

    /// <summary>The programme indicators kept beside a registry store.</summary>
    public static Registry.Indicators.IIndicatorStore Indicators(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteIndicatorStore(s),
        PostgresRegistryStore p => new PostgresIndicatorStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no indicators"),
    };

    /// <summary>The audit log kept beside a registry store.</summary>
    public static Platform.Audit.IAuditLog Audit(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteAuditLog(s),
        PostgresRegistryStore p => new PostgresAuditLog(p),
        _ => throw new CliException($"{store.Describe()} keeps no audit log"),
    };

    /// <summary>The mass-event store kept beside a registry store.</summary>
    public static Events.Store.IEventStore Events(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqliteEventStore(s),
        PostgresRegistryStore p => new PostgresEventStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no events"),
    };

    /// <summary>The permit requests and offered sites kept beside a registry store.</summary>
    public static global::Dala.Permits.Store.IPermitStore Permits(IRegistryStore store) => store switch
    {
        SqliteRegistryStore s => new SqlitePermitStore(s),
        PostgresRegistryStore p => new PostgresPermitStore(p),
        _ => throw new CliException($"{store.Describe()} keeps no permit requests"),
    };

    private static string? FromConfig(CliContext ctx)
    {
        var path = Path.Combine(ctx.WorkingDirectory, ConfigFile);
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("store", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        }
        catch (JsonException e)
        {
            throw new CliException($"{path}: not valid JSON ({e.Message})");
        }
    }
}
