using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala import permits and dala permits: the pinned import and survival file, the tables, bad rows refused (exit 2, nothing stored), the audit row.</summary>
public sealed class PermitsCommandTests : IDisposable
{
    private const string Head = "request_id,operator,region,opened,land_allotted,power_connected,design_approved,permit_issued,built,on_air,lon,lat";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.In(_dir.Path, [.. args, "--store", "permits.db"]);

    private CliRun Ok(params string[] args)
    {
        var run = Run(args);
        Assert.True(run.Exit == 0, $"exit {run.Exit}: {run.Err}{run.Out}");
        return run;
    }

    private void WriteRequests() => _dir.Write("permits.csv", Head + "\n" +
        "a,kcell,KZ-11,2025-01-01,2025-02-01,2025-03-01,2025-03-15,2025-03-20,2025-05-01,2025-06-01,71.4,51.1\n" +
        "b,kcell,KZ-11,2025-01-01,2025-01-20,,,,,2025-06-01,,\n" +
        "c,beeline,KZ-11,2025-01-01,,,,,,2025-11-01,,\n" +
        "d,beeline,KZ-11,2025-01-01,,,,,,,,\n" +
        "e,kcell,KZ-63,2025-02-01,2025-09-01,,,,,,,\n" +
        "f,kcell,KZ-63,2026-10-01,,,,,,,,\n");

    [Fact]
    public void Import_then_survival_writes_the_pinned_file_and_says_what_it_left_out()
    {
        WriteRequests();
        Assert.Contains("stored (new or changed)", Ok("import", "permits", "permits.csv").Out);
        var run = Ok("permits", "survival", "--as-of", "2026-01-01", "--by", "region", "--out", "KM.csv");
        var lines = File.ReadAllLines(_dir.File("KM.csv"));
        Assert.Equal("group,day,at_risk,events,survival", lines[0]);
        // KZ-11: 4 requests from 2025-01-01; two on air on day 151 (4 at risk), one on day 304 (2 at risk), one censored on day 365.
        Assert.Equal(["KZ-11,151,4,2,0.5", "KZ-11,304,2,1,0.25"], lines[1..]);
        Assert.Contains("1 request(s) opened after the as-of date 2026-01-01 left out", run.Out);
        Assert.Contains("group KZ-63: 1 request(s), none on air by 2026-01-01: no rows", run.Out);
        var audit = CliRun.In(_dir.Path, "audit", "list", "--store", "permits.db");
        Assert.Contains("dala import permits", audit.Out);
    }

    [Fact]
    public void Stages_overdue_and_forecast_print_tables_and_write_csv()
    {
        WriteRequests();
        Ok("import", "permits", "permits.csv");
        Ok("permits", "stages", "--as-of", "2026-01-01", "--out", "stages.csv", "--stage-name", "built=Mast built");
        Assert.Contains("KZ-11,built,Mast built,1,42,42,60", File.ReadAllLines(_dir.File("stages.csv")));
        Assert.Equal("region,stage,name,n,median_days,p90_days,sla_days", File.ReadLines(_dir.File("stages.csv")).First());
        Assert.Contains("KZ-11,land_allotted,Land allotment,2,25,29.8,60", File.ReadAllLines(_dir.File("stages.csv")));
        var overdue = Ok("permits", "overdue", "--as-of", "2026-01-01", "--sla", "power_connected=30", "--out", "overdue.csv");
        Assert.Contains("2 request(s) past their SLA", overdue.Out);
        var rows = File.ReadAllLines(_dir.File("overdue.csv"));
        Assert.Contains("d,beeline,KZ-11,land_allotted,regional administration (akimat),2025-01-01,365,60,305", rows);
        Assert.Contains("e,kcell,KZ-63,power_connected,power distribution company,2025-09-01,122,30,92", rows);
        Ok("permits", "forecast", "--as-of", "2026-01-01", "--out", "forecast.csv");
        var forecast = File.ReadAllLines(_dir.File("forecast.csv"));
        Assert.StartsWith("request_id,operator,region,opened,days_waited,waiting,forecast_on_air,basis,note", forecast[0]);
        Assert.Equal(3, forecast.Length);
        Assert.Equal(2, Run("permits", "overdue", "--sla", "lunch=3").Exit);
        Assert.Equal(2, Run("permits", "stages", "--stage-name", "built=").Exit);
        Assert.Equal(2, Run("permits", "survival", "--as-of", "2026-02-30").Exit);
    }

    [Fact]
    public void Bad_rows_are_named_exit_2_and_nothing_is_stored()
    {
        _dir.Write("permits.csv", "request_id,operator,region,opened,on_air\n" +
                                  "a,kcell,KZ-11,2025-01-01,2025-06-01\n" +
                                  "b,kcell,Akmola,2025-01-01,\n" +
                                  "c,kcell,KZ-11,2025-01-01,2024-06-01\n");
        var run = Run("import", "permits", "permits.csv");
        Assert.Equal(2, run.Exit);
        Assert.Contains("permits.csv:3: region: 'Akmola' is not an ISO 3166-2:KZ region code", run.Err);
        Assert.Contains("permits.csv:4: on_air: 2024-06-01 is before opened (2025-01-01)", run.Err);
        var survival = Ok("permits", "survival", "--as-of", "2026-01-01", "--out", "KM.csv");
        Assert.Equal(["group,day,at_risk,events,survival"], File.ReadAllLines(_dir.File("KM.csv")));
    }

    [Fact]
    public void Set_changes_one_stage_and_refuses_dates_out_of_order()
    {
        WriteRequests();
        Ok("import", "permits", "permits.csv");
        Assert.Contains("d: on_air 2025-12-01; status on_air", Ok("permits", "set", "d", "--stage", "on_air", "--date", "2025-12-01").Out);
        var refused = Run("permits", "set", "a", "--stage", "land_allotted", "--date", "2025-04-01");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("power_connected: 2025-03-01 is before land_allotted (2025-04-01)", refused.Err);
        Assert.Equal(2, Run("permits", "set", "nope", "--stage", "built", "--date", "2025-04-01").Exit);
    }

    [Fact]
    public void The_planner_composition_takes_each_region_median_as_its_earliest_on_air_day()
    {
        WriteRequests();
        Ok("import", "permits", "permits.csv");
        var store = new SqliteRegistryStore(_dir.File("permits.db"));
        var asOf = new DateOnly(2026, 1, 1);
        var phasing = Web.Apis.PermitLeads.Apply(new Rollout.Phasing.PhasingSettings(), StoreOption.Permits(store), asOf);
        // KZ-11's median is 151 days; KZ-63 has none of its own (nothing on air), so the country's serves: 5 at risk, S 0.6 on
        // day 151 (two on air), 0.4 on day 304 (one of three) -> 304 days.
        Assert.Equal(asOf.AddDays(151), phasing.EarliestOnAirByRegion["KZ-11"]);
        Assert.Equal(asOf.AddDays(304), phasing.EarliestOnAirByRegion["KZ-63"]);
        Assert.Empty(Web.Apis.PermitLeads.Apply(new Rollout.Phasing.PhasingSettings(), null, asOf).EarliestOnAirByRegion);
    }
}
