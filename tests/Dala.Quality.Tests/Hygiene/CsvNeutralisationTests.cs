using Dala.Geo.Io;
using Dala.Quality.Cases;
using Dala.Quality.Obligations;
using Dala.Quality.Verdicts;

namespace Dala.Quality.Tests.Hygiene;

/// <summary>The verdicts CSV neutralises an operator or region that a spreadsheet would run, and keeps its numbers numbers.</summary>
public class CsvNeutralisationTests
{
    [Fact]
    public void A_hostile_operator_comes_out_neutralised_and_negative_bounds_stay_numbers()
    {
        var obligation = DefaultObligations.All[1]; // a quantile rule: its interval can start at -Infinity
        var judgement = Judge.Quantile([1, 2, 3], ObligationRule.QuantileAtLeast, 0.1, 5, 0.95);
        Assert.True(double.IsNegativeInfinity(judgement.Interval.Low));
        var row = new VerdictRow(obligation, new VerdictUnit("=HYPERLINK(\"http://evil\")", "@KZ-11", "", "-2+3+cmd"), judgement);
        var w = new StringWriter();
        VerdictCsv.Write(w, [row], new Period(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)));
        var cells = CsvReader.Read(new StringReader(w.ToString())).ToArray()[1].Fields;
        Assert.Equal("'=HYPERLINK(\"http://evil\")", cells[1]);
        Assert.Equal("'@KZ-11", cells[2]);
        Assert.Equal("-Infinity", cells[6]);
        Assert.Equal("'-2+3+cmd", cells[10]);
        Assert.Equal("2026-07-01", cells[20]);
    }

    [Fact]
    public void The_verdicts_file_still_reads_back_as_violations()
    {
        var obligation = DefaultObligations.All[0];
        var judgement = Judge.Share(0, 40, 0.9, 0.95);
        var w = new StringWriter();
        VerdictCsv.Write(w, [new VerdictRow(obligation, new VerdictUnit("kcell", "KZ-11", "", "all"), judgement)],
            new Period(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)));
        var v = Assert.Single(VerdictsCsv.Read(new StringReader(w.ToString()), "v.csv"));
        Assert.Equal(("kcell", 40L, 0L), (v.Operator, v.N, v.K));
    }
}
