using Dala.Quality.Cases;

namespace Dala.Quality.Tests.Cases;

/// <summary>The violations of a verdicts CSV; a bad file is refused whole with file:line, field and reason.</summary>
public class VerdictsCsvTests
{
    private const string Head = "obligation,operator,region,n,k,estimate,ci_low,ci_high,verdict";

    private static IReadOnlyList<Violation> Read(string text) => VerdictsCsv.Read(new StringReader(text), "v.csv");

    [Fact]
    public void Only_violation_rows_become_violations_with_their_optional_columns()
    {
        var v = Read($"{Head},settlement,from,to,synthetic,version\n" +
                     "down-100,kcell,KZ-11,400,212,0.53,0.48,0.58,violation,,2026-07-01,2026-09-30,true,2\n" +
                     "down-100,beeline,KZ-11,300,290,0.96,0.94,0.98,compliant,,,,false,2\n" +
                     "down-100,tele2,KZ-11,3,1,,,,insufficient,,,,,\n");
        var one = Assert.Single(v);
        Assert.Equal(("down-100", 2, "kcell", 400L, 212L, 0.48, true), (one.ObligationId, one.ObligationVersion, one.Operator, one.N, one.K, one.CiLow, one.Synthetic));
        Assert.Equal(new DateOnly(2026, 9, 30), one.To);
    }

    [Fact]
    public void A_bad_file_names_line_field_and_reason()
    {
        var e = Assert.Throws<InputFileException>(() => Read($"{Head}\n" +
            "down-100,kcell,KZ-11,400,212,0.53,0.48,0.58,violation\n" +
            "down-100,,KZ-11,abc,5,0.5,0.4,0.6,violation\n" +
            "down-100,kcell,KZ-11,10,11,0.5,0.4,0.6,violation\n" +
            "down-100,kcell,KZ-11,400,212,0.53,0.48,0.58,violation\n" +
            "down-100,kcell,KZ-12,400,212,0.53,0.48,0.58,\n"));
        var got = e.Problems.Select(p => $"{p.Line}:{p.Field}").ToArray();
        Assert.Equal(["3:operator", "3:n", "4:k", "5:obligation", "6:verdict"], got);
        Assert.Contains("same violation as line 2", e.Problems[3].Reason);
        Assert.Equal("v.csv:4: k: 11 is not within [0, n = 10]", e.Problems[2].ToString());
    }

    [Fact]
    public void A_wrong_header_is_refused()
    {
        var e = Assert.Throws<InputFileException>(() => Read("obligation,operator,n,k\nx,y,1,1\n"));
        Assert.Equal((1, "region"), (e.Problems[0].Line, e.Problems[0].Field));
        Assert.Equal("(header)", Assert.Throws<InputFileException>(() => Read("")).Problems[0].Field);
        Assert.Equal("(csv)", Assert.Throws<InputFileException>(() => Read($"{Head}\n\"x,kcell")).Problems[0].Field);
    }
}
