using System.Globalization;
using Dala.Registry.Kato;
using Xunit.Abstractions;

namespace Dala.Registry.Tests.Kato;

/// <summary>The match rate on the real data, printed per region (run with --logger "console;verbosity=detailed").</summary>
public sealed class KatoMatchRateTests(ITestOutputHelper output)
{
    [Fact]
    public void Real_osm_settlements_match_KATO_at_a_useful_rate()
    {
        var result = KatoMatcher.Match(OsmSettlements.Snapshot, OsmSettlements.Kato);

        output.WriteLine(Line("national", "Kazakhstan", result.Settlements.Count, result.Matched, result.MatchRate));
        foreach (var r in result.Regions) output.WriteLine(Line(r.RegionCode, r.RegionName, r.Settlements, r.Matched, r.MatchRate));
        var reasons = result.Settlements.Where(s => !s.IsMatched).GroupBy(s => s.Reason!.Split(':')[0].Split(' ')[0]);
        foreach (var g in reasons.OrderByDescending(g => g.Count())) output.WriteLine($"unmatched, {g.Key}: {g.Count()}");

        Assert.Equal(7098, result.Settlements.Count);
        Assert.InRange(result.MatchRate, 0.60, 1.0);
        Assert.All(result.Regions, r => Assert.True(r.Settlements < 20 || r.MatchRate > 0.4, $"{r.RegionName}: {r.MatchRate:P0}"));
        var codes = result.Settlements.Where(s => s.IsMatched).Select(s => s.KatoCode!).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(result.Settlements.Where(s => s.IsMatched), s =>
            Assert.Equal(s.RegionCode[3..], s.KatoCode![..2]));
    }

    private static string Line(string code, string name, int total, int matched, double rate) =>
        string.Create(CultureInfo.InvariantCulture, $"{code,-8} {name,-26} {matched,5} / {total,5}  {rate:P1}");
}
