using Dala.Quality.Cases;
using Dala.Testing;

namespace Dala.Quality.Tests.Cases;

/// <summary>Fines worked out by hand: tier MRP x the MRP in force on the decision's date.</summary>
public class FineTests
{
    private static readonly FineSchedule Schedule = FineSchedule.Default;

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_first_violation_decided_in_2026_is_100_MRP_times_4325()
    {
        var fine = Schedule.Work(D("2026-03-10"), [], out _)!;
        Assert.Equal((Fine.First, 100, 2026, 4_325, 432_500L), (fine.Tier, fine.Mrp, fine.MrpYear, fine.MrpTenge, fine.Tenge));
    }

    [Fact]
    public void A_repeat_within_12_months_of_an_upheld_decision_is_200_MRP()
    {
        var fine = Schedule.Work(D("2026-03-10"), [D("2025-06-01")], out _)!;
        Assert.Equal((Fine.Repeat, 200, 4_325, 865_000L), (fine.Tier, fine.Mrp, fine.MrpTenge, fine.Tenge));
    }

    [Fact]
    public void An_earlier_decision_12_months_or_more_before_is_not_a_repeat()
    {
        Assert.Equal(432_500L, Schedule.Work(D("2026-03-10"), [D("2025-03-10"), D("2024-12-31")], out _)!.Tenge);
        Assert.Equal(Fine.Repeat, Schedule.Work(D("2026-03-10"), [D("2025-03-11")], out _)!.Tier);
    }

    [Fact]
    public void The_decisions_date_picks_the_MRP_within_2022_and_other_years()
    {
        Assert.Equal(306_300L, Schedule.Work(D("2022-03-31"), [], out _)!.Tenge);   // 100 x 3,063
        Assert.Equal(318_000L, Schedule.Work(D("2022-04-01"), [], out _)!.Tenge);   // 100 x 3,180
        Assert.Equal(690_000L, Schedule.Work(D("2023-07-01"), [D("2023-01-02")], out _)!.Tenge); // 200 x 3,450
        Assert.Equal(369_200L, Schedule.Work(D("2024-12-31"), [], out _)!.Tenge);   // 100 x 3,692
        Assert.Equal(786_400L, Schedule.Work(D("2025-01-01"), [D("2024-12-31")], out _)!.Tenge); // 200 x 3,932
    }

    [Fact]
    public void A_year_without_an_MRP_value_gives_no_fine_and_says_why()
    {
        Assert.Null(Schedule.Work(D("2027-02-01"), [], out var why));
        Assert.Contains("no value for 2027-02-01", why);
    }

    [Fact]
    public void The_default_tiers_are_labelled_an_assumption()
    {
        Assert.True(Schedule.Assumption);
        Assert.StartsWith("ASSUMPTION", Schedule.Source);
    }

    [Fact]
    public void A_schedule_file_replaces_tiers_and_adds_MRP_years()
    {
        var s = FineScheduleJson.Read("""
            {"tiers": {"first_mrp": 50, "repeat_mrp": 150, "repeat_within_months": 6, "source": "КоАП РК ст. 637 (checked by legal)"},
             "mrp": [{"from": "2027-01-01", "tenge": 4500, "source": "budget law 2027"}]}
            """, "f.json");
        Assert.False(s.Assumption);
        Assert.Equal(225_000L, s.Work(D("2027-05-01"), [], out _)!.Tenge);            // 50 x 4,500
        Assert.Equal(648_750L, s.Work(D("2026-05-01"), [D("2025-12-01")], out _)!.Tenge); // 150 x 4,325 (within 6 months)
        Assert.Equal(216_250L, s.Work(D("2026-05-01"), [D("2025-10-01")], out _)!.Tenge); // 50 x 4,325 (7 months: not a repeat)
    }

    [Fact]
    public void A_bad_schedule_file_names_every_field()
    {
        var e = Assert.Throws<InputFileException>(() => FineScheduleJson.Read("""
            {"tiers": {"first_mrp": -1, "repeat_mrp": "x", "source": "s"}, "mrp": [{"from": "2027-13-01", "tenge": 4500}], "extra": 1}
            """, "f.json"));
        var fields = e.Problems.Select(p => p.Field).ToArray();
        Assert.Contains("tiers.first_mrp", fields);
        Assert.Contains("tiers.repeat_mrp", fields);
        Assert.Contains("mrp[0].from", fields);
        Assert.Contains("mrp[0].source", fields);
        Assert.Contains("extra", fields);
        var json = Assert.Throws<InputFileException>(() => FineScheduleJson.Read("{\n  \"tiers\": {,\n}", "g.json"));
        Assert.Equal((2, "(json)"), (json.Problems[0].Line, json.Problems[0].Field));
    }

    [Fact]
    public void Tiers_without_a_source_are_refused()
    {
        var e = Assert.Throws<InputFileException>(() => FineScheduleJson.Read("""{"tiers": {"first_mrp": 10}}""", "f.json"));
        Assert.Equal("tiers.source", e.Problems.Single().Field);
    }
}
