using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>dala quality cases: a case through every state, the fine worked out by hand, illegal steps and bad files refused (exit 2, nothing stored).</summary>
public sealed class QualityCasesCommandTests : IDisposable
{
    private const string Head = "obligation,operator,region,n,k,estimate,ci_low,ci_high,verdict";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.In(_dir.Path, [.. args, "--store", "cases.db"]);

    private CliRun Ok(params string[] args)
    {
        var run = Run(args);
        Assert.True(run.Exit == 0, $"exit {run.Exit}: {run.Err}{run.Out}");
        return run;
    }

    [Fact]
    public void A_case_goes_through_every_state_by_the_command_line()
    {
        _dir.Write("verdicts.csv", $"{Head},from,to,synthetic\n" +
                                   "down-100,kcell,KZ-11,400,212,0.53,0.48,0.58,violation,2026-07-01,2026-09-30,true\n" +
                                   "down-100,beeline,KZ-11,400,390,0.97,0.95,0.99,compliant,2026-07-01,2026-09-30,true\n");
        var open = Ok("quality", "cases", "open", "--from-verdicts", "verdicts.csv", "--actor", "inspector A", "--date", "2026-10-01");
        Assert.Contains("opened case 1: down-100 kcell KZ-11 2026-07-01..2026-09-30 (SYNTHETIC)", open.Out);
        Assert.Contains("1 case(s) opened, 0 skipped", open.Out);
        Assert.Contains("0 case(s) opened, 1 skipped", Ok("quality", "cases", "open", "--from-verdicts", "verdicts.csv", "--actor", "inspector A").Out);
        Ok("quality", "cases", "step", "1", "--to", "notice_sent", "--actor", "inspector A", "--date", "2026-10-02");
        Ok("quality", "cases", "step", "1", "--to", "response", "--actor", "Kcell legal", "--date", "2026-10-20", "--note", "tests disputed");
        Ok("quality", "cases", "step", "1", "--to", "appeal", "--actor", "Kcell legal", "--date", "2026-10-25");
        Ok("quality", "cases", "step", "1", "--to", "decision", "--outcome", "upheld", "--actor", "head of inspectorate", "--date", "2026-11-05");
        var fined = Ok("quality", "cases", "step", "1", "--to", "fined", "--actor", "head of inspectorate");
        Assert.Contains("fine: first violation: 100 MRP x 4,325 tenge (the MRP in force on the decision's date 2026-11-05, year 2026) = 432,500 tenge", fined.Out);
        Assert.Contains("case 1: closed (upheld) on 2026-11-21 by accounts", Ok("quality", "cases", "step", "1", "--to", "closed", "--actor", "accounts").Out);
        var show = Ok("quality", "cases", "show", "1");
        Assert.Contains("SYNTHETIC evidence", show.Out);
        Assert.Contains("evidence: k = 212 of n = 400, estimate 0.53, interval [0.48, 0.58]", show.Out);
        foreach (var line in new[] { "2026-10-01   opened", "2026-10-02   notice_sent", "2026-10-20   response", "2026-10-25   appeal", "2026-11-05   decision (upheld)", "2026-11-21   fined", "2026-11-21   closed" })
            Assert.Contains(line, show.Out);
        Assert.Contains("tests disputed", show.Out);
        Assert.Contains("432,500 tenge", show.Out);
        Assert.Contains("the case is closed", show.Out);
        var list = Ok("quality", "cases", "list", "--state", "closed");
        Assert.Contains("432,500", list.Out);
        Assert.Contains("SYNTHETIC", list.Out);
        Assert.Contains("no cases", Ok("quality", "cases", "list", "--operator", "beeline").Out);
    }

    [Fact]
    public void A_second_upheld_violation_within_a_year_is_fined_at_the_repeat_tier()
    {
        foreach (var (region, decided) in new[] { ("KZ-11", "2026-03-01"), ("KZ-19", "2026-09-01") })
        {
            var id = Ok("quality", "cases", "open", "--obligation", "down-100", "--operator", "kcell", "--region", region, "--n", "100", "--k", "40",
                "--actor", "A", "--date", decided).Out.Split(':')[0].Split(' ')[^1];
            Ok("quality", "cases", "step", id, "--to", "notice_sent", "--actor", "A", "--date", decided);
            Ok("quality", "cases", "step", id, "--to", "decision", "--outcome", "upheld", "--actor", "B", "--date", decided);
            var fined = Ok("quality", "cases", "step", id, "--to", "fined", "--actor", "B");
            Assert.Contains(region == "KZ-11" ? "first violation: 100 MRP x 4,325 tenge" : "repeat violation: 200 MRP x 4,325 tenge", fined.Out);
            Assert.Contains(region == "KZ-11" ? "= 432,500 tenge" : "= 865,000 tenge", fined.Out);
        }
    }

    [Fact]
    public void Illegal_steps_are_refused_with_exit_2_and_change_nothing()
    {
        Ok("quality", "cases", "open", "--obligation", "down-100", "--operator", "kcell", "--region", "KZ-11", "--n", "100", "--k", "40", "--actor", "A");
        var skip = Run("quality", "cases", "step", "1", "--to", "fined", "--actor", "A");
        Assert.Equal(2, skip.Exit);
        Assert.Contains("--to: case 1 is opened: the next step is notice_sent, not fined; nothing was stored", skip.Err);
        Ok("quality", "cases", "step", "1", "--to", "notice_sent", "--actor", "A");
        var noOutcome = Run("quality", "cases", "step", "1", "--to", "decision", "--actor", "A");
        Assert.Equal(2, noOutcome.Exit);
        Assert.Contains("--outcome: a decision needs an outcome", noOutcome.Err);
        Assert.Equal(2, Run("quality", "cases", "step", "1", "--to", "response", "--actor", "A", "--date", "2027-01-01").Exit);
        Assert.Equal(2, Run("quality", "cases", "step", "1", "--to", "response", "--actor", "A", "--date", "01.10.2026").Exit);
        Assert.Equal(2, Run("quality", "cases", "step", "7", "--to", "response", "--actor", "A").Exit);
        Assert.Equal(2, Run("quality", "cases", "open", "--obligation", "x", "--operator", "kcell", "--region", "KZ-11", "--n", "10", "--k", "11", "--actor", "A").Exit);
        var show = Ok("quality", "cases", "show", "1");
        Assert.Contains("case 1: notice_sent", show.Out);
        Assert.Contains("next: response or appeal or decision", show.Out);
        Assert.DoesNotContain("case 2", Ok("quality", "cases", "list").Out);
    }

    [Fact]
    public void A_bad_verdicts_file_is_refused_with_file_line_field_and_reason_and_nothing_is_opened()
    {
        _dir.Write("verdicts.csv", $"{Head}\n" +
                                   "down-100,kcell,KZ-11,400,212,0.53,0.48,0.58,violation\n" +
                                   "down-100,beeline,KZ-11,abc,212,0.53,0.48,0.58,violation\n" +
                                   "down-100,tele2,KZ-11,400,212,0.53,0.68,0.58,violation\n");
        var run = Run("quality", "cases", "open", "--from-verdicts", "verdicts.csv", "--actor", "A");
        Assert.Equal(2, run.Exit);
        Assert.Contains("verdicts.csv:3: n: 'abc' is not an integer", run.Err);
        Assert.Contains("verdicts.csv:4: ci_high: 0.58 is below ci_low 0.68", run.Err);
        Assert.Contains("refused (2 problems); nothing was stored", run.Err);
        Assert.Contains("no cases", Ok("quality", "cases", "list").Out);
        _dir.Write("wrong.csv", "operator,obligation\nx,y\n");
        var header = Run("quality", "cases", "open", "--from-verdicts", "wrong.csv", "--actor", "A");
        Assert.Equal(2, header.Exit);
        Assert.Contains("wrong.csv:1: obligation: the header must begin obligation,operator,region", header.Err);
    }

    [Fact]
    public void The_schedule_is_printed_and_a_bad_schedule_file_is_refused()
    {
        var fines = Ok("quality", "cases", "fines", "--year", "2022");
        Assert.Contains("ASSUMPTION", fines.Out);
        Assert.Contains("from 2022-04-01: 3,180", fines.Out);
        Assert.Contains("= 318,000 tenge", fines.Out);
        _dir.Write("fines.json", """{"tiers": {"first_mrp": 50, "repeat_mrp": 150, "source": "legal dept."}, "mrp": [{"from": "2027-01-01", "tenge": 4500, "source": "budget law 2027"}]}""");
        var custom = Ok("quality", "cases", "fines", "--fines", "fines.json", "--year", "2027");
        Assert.DoesNotContain("ASSUMPTION:", custom.Out);
        Assert.Contains("50 MRP x 4,500 tenge (the MRP in force on the decision's date 2027-12-31, year 2027) = 225,000 tenge", custom.Out);
        _dir.Write("bad.json", """{"tiers": {"first_mrp": "x"}, "mrp": [{"from": "2027-01-01"}]}""");
        var bad = Run("quality", "cases", "fines", "--fines", "bad.json");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("bad.json: tiers.first_mrp: expected an integer", bad.Err);
        Assert.Contains("bad.json: mrp[0].tenge: required", bad.Err);
    }
}
