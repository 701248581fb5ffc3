using System.Text.RegularExpressions;
using Dala.Geo.Io;
using Dala.Quality.Claims;
using Dala.Storage.Sqlite;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>A store with national regions and settlements and the SYNTHETIC scenario (its operators), built once; each test works on a copy.</summary>
public sealed class ChallengeStoreFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public ChallengeStoreFixture()
    {
        foreach (var args in new[] { new[] { "import", "regions", SharedData.RegionsGeoJson }, ["import", "settlements", SharedData.HotOsmPlaces], ["scenario", "seed"] })
        {
            var run = CliRun.In(_dir.Path, [.. args, "--store", "kz.db"]);
            Assert.True(run.Exit == 0, run.Err + run.Out);
        }
    }

    public string CopyTo(string folder)
    {
        var target = Path.Combine(folder, "kz.db");
        // With its write-ahead log: the fixture's CLI runs in this process, whose pooled connections keep the store open,
        // so its last writes may still be in kz.db-wal (the pair opens as one store).
        File.Copy(_dir.File("kz.db"), target, overwrite: true);
        if (File.Exists(_dir.File("kz.db-wal"))) File.Copy(_dir.File("kz.db-wal"), target + "-wal", overwrite: true);
        return target;
    }

    public void Dispose() => _dir.Dispose();
}

public sealed partial class QualityChallengesTests(ChallengeStoreFixture fixture) : IClassFixture<ChallengeStoreFixture>, IDisposable
{
    private readonly TempDir _dir = new();

    private CliRun Dala(params string[] args) => CliRun.In(_dir.Path, [.. args, "--store", "kz.db"]);

    private IClaimStore Claims() => new SqliteClaimStore(new SqliteRegistryStore(_dir.File("kz.db")));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_dead_villages_demo_flags_the_dead_villages_and_no_live_one()
    {
        var path = fixture.CopyTo(_dir.Path);
        var run = Dala("quality", "challenges", "demo", "--villages", "400", "--dead", "80", "--seed", "5");
        Assert.True(run.Exit == 0, run.Err + run.Out);
        Assert.Contains("SYNTHETIC dead-villages demo", run.Out);
        // the truth, computed from the same generator over the same registry
        var registry = new SqliteRegistryStore(path).ReadSnapshot();
        var demo = DeadVillages.Generate(registry, DateOnly.FromDateTime(CliRun.Clock.Now.UtcDateTime), 400, 80, 5);
        var m = DemoLine().Match(run.Out);
        Assert.True(m.Success, run.Out);
        var (flagged, flaggedDead, dead, live) = (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value), int.Parse(m.Groups[4].Value));
        Assert.Equal(demo.DeadSettlements.Count, dead);
        Assert.Equal(0, live);
        Assert.True(flaggedDead >= 0.95 * dead, $"{flaggedDead} of {dead} dead villages flagged");
        Assert.Equal(flagged, flaggedDead);
        Assert.Contains($"challenges filed: {flagged}", run.Out);
        var check = Dala("quality", "challenges", "check", "--out", "check.csv");
        Assert.Equal(0, check.Exit);
        Assert.Contains("SYNTHETIC", check.Out);
        var rows = ReadCsv(_dir.File("check.csv"));
        var flaggedIds = rows.Where(r => r["status"] == "not-delivered").Select(r => r["settlement"]).ToHashSet();
        Assert.Equal(flagged, flaggedIds.Count);
        Assert.Subset(demo.DeadSettlements.ToHashSet(), flaggedIds);
        Assert.All(rows, r => Assert.Equal("true", r["synthetic"]));
        Assert.All(rows.Where(r => r["status"] == "not-delivered"), r => Assert.True(double.Parse(r["ci_high"], System.Globalization.CultureInfo.InvariantCulture) < 0.5));
    }

    [Fact]
    public void A_bad_claims_file_is_refused_with_every_row_named_exit_2_and_nothing_stored()
    {
        fixture.CopyTo(_dir.Path);
        var file = _dir.Write("claims.csv", "settlement,operator,technology,claimed_down_mbps,as_of\n" +
                                            "osm-nope,synthetic-a,4G,10,2026-10-01\n" +
                                            $"{FirstRural()},synthetic-a,4G,ten,2026-10-01\n" +
                                            $"{FirstRural()},synthetic-a,4G,10,2026-13-01\n");
        var run = Dala("quality", "challenges", "import", file);
        Assert.Equal(2, run.Exit);
        Assert.Contains("claims.csv:2: settlement: unknown settlement 'osm-nope'", run.Err);
        Assert.Contains("claims.csv:3: claimed_down_mbps: 'ten' is not a number", run.Err);
        Assert.Contains("claims.csv:4: as_of: '2026-13-01' is not a date (YYYY-MM-DD)", run.Err);
        Assert.Empty(Claims().Claims());
    }

    [Fact]
    public void A_met_claim_is_not_flagged_and_a_claim_without_tests_is_no_tests()
    {
        fixture.CopyTo(_dir.Path);
        Assert.Equal(0, Dala("quality", "challenges", "demo", "--villages", "50", "--dead", "0", "--seed", "9", "--no-challenges").Exit);
        var check = Dala("quality", "challenges", "check", "--all", "--out", "all.csv");
        Assert.Equal(0, check.Exit);
        var rows = ReadCsv(_dir.File("all.csv"));
        Assert.Equal(50, rows.Count);
        Assert.DoesNotContain(rows, r => r["status"] == "not-delivered");
        Assert.True(rows.Count(r => r["status"] == "delivered") >= 45);
        // a real claim on a settlement without real tests: no tests, not flagged (the demo's synthetic tests do not count for it)
        var file = _dir.Write("real.csv", $"settlement,operator,technology,claimed_down_mbps,as_of\n{rows[0]["settlement"]},synthetic-a,4G,10,2026-10-01\n");
        var import = Dala("quality", "challenges", "import", file);
        Assert.True(import.Exit == 0, import.Err);
        Assert.Equal(0, Dala("quality", "challenges", "check", "--out", "all.csv").Exit);
        var real = Assert.Single(ReadCsv(_dir.File("all.csv")), r => r["synthetic"] == "false");
        Assert.Equal(("no-tests", "0"), (real["status"], real["n"]));
    }

    [Fact]
    public void A_challenge_goes_through_every_state_and_illegal_steps_exit_2()
    {
        fixture.CopyTo(_dir.Path);
        var file = _dir.Write("claims.csv", $"settlement,operator,technology,claimed_down_mbps,as_of\n{FirstRural()},synthetic-a,4G,10,2026-10-01\n{SecondRural()},synthetic-b,4G,10,2026-10-01\n");
        Assert.Equal(0, Dala("quality", "challenges", "import", file).Exit);
        var claims = Claims().Claims();
        var filed = Dala("quality", "challenges", "file", claims[0].Id.ToString(), "--actor", "inspector", "--note", "no signal");
        Assert.True(filed.Exit == 0, filed.Err);
        Assert.Contains("state filed", filed.Out);
        Assert.Contains("no tests", filed.Out);
        var id = Claims().Challenges()[0].Id.ToString();
        Assert.Equal(2, Dala("quality", "challenges", "file", claims[0].Id.ToString(), "--actor", "inspector").Exit);
        var early = Dala("quality", "challenges", "decide", id, "--outcome", "upheld", "--actor", "committee");
        Assert.Equal(2, early.Exit);
        Assert.Contains("the operator answers before it is decided", early.Err);
        Assert.Equal(0, Dala("quality", "challenges", "answer", id, "--actor", "operator", "--note", "coverage is fine").Exit);
        Assert.Equal(2, Dala("quality", "challenges", "answer", id, "--actor", "operator", "--note", "again").Exit);
        var upheld = Dala("quality", "challenges", "decide", id, "--outcome", "upheld", "--actor", "committee");
        Assert.Equal(0, upheld.Exit);
        Assert.Contains("withdrawn", upheld.Out);
        Assert.Equal(2, Dala("quality", "challenges", "decide", id, "--outcome", "rejected", "--actor", "committee").Exit);
        Assert.Equal(2, Dala("quality", "challenges", "file", claims[0].Id.ToString(), "--actor", "inspector").Exit);
        Assert.Equal(2, Dala("quality", "challenges", "answer", "999", "--actor", "o", "--note", "n").Exit);
        // the second claim: filed, answered, rejected (the claim stays)
        Assert.Equal(0, Dala("quality", "challenges", "file", claims[1].Id.ToString(), "--actor", "inspector").Exit);
        var second = Claims().Challenges()[0].Id.ToString();
        Assert.Equal(0, Dala("quality", "challenges", "answer", second, "--actor", "operator", "--note", "drive test attached").Exit);
        Assert.Equal(0, Dala("quality", "challenges", "decide", second, "--outcome", "rejected", "--actor", "committee").Exit);
        var list = Dala("quality", "challenges", "list");
        Assert.Contains("upheld", list.Out);
        Assert.Contains("rejected", list.Out);
        var after = Claims().Claims();
        Assert.NotNull(after[0].WithdrawnBy);
        Assert.Null(after[1].WithdrawnBy);
    }

    private string FirstRural() => Rural().First();
    private string SecondRural() => Rural().Skip(1).First();

    private IEnumerable<string> Rural() => new SqliteRegistryStore(_dir.File("kz.db")).ReadSnapshot().Settlements
        .Where(s => s.Kind is Registry.Model.SettlementKind.Village).Select(s => s.Id).Order(StringComparer.Ordinal);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var text = File.OpenText(path);
        var records = CsvReader.Read(text).ToList();
        var header = records[0].Fields;
        return records.Skip(1).Select(r => header.Select((h, i) => (h, r.Fields[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
    }

    [GeneratedRegex(@"claimed but not delivered: ([\d,]+) \(([\d,]+) of the ([\d,]+) dead villages, ([\d,]+) live ones\)")]
    private static partial Regex DemoLine();
}
