using System.Globalization;
using System.Text;
using Dala.Testing;

namespace Dala.Cli.Tests;

/// <summary>
/// The pinned `dala quality verdicts` end to end: tests imported through the CLI, verdicts written to CSV, every interval
/// compared with an independent computation (binomial tail sums, bisection) to 1e-6; the edges, sampling and sources.
/// </summary>
public sealed class VerdictsCommandTests : IClassFixture<VerdictsCommandTests.Seeded>, IDisposable
{
    private readonly Seeded _seed;
    private readonly TempDir _dir = new();

    public VerdictsCommandTests(Seeded seed) => _seed = seed;

    public void Dispose() => _dir.Dispose();

    private const string Astana = "\"lon\":71.43,\"lat\":51.13"; // KZ-71
    private const string Almaty = "\"lon\":76.9,\"lat\":43.25";  // KZ-75

    /// <summary>One store with regions and a month of tests, imported once for the class.</summary>
    public sealed class Seeded : IDisposable
    {
        public TempDir Dir { get; } = new();
        public string Store => Dir.File("v.db");

        public Seeded()
        {
            var lines = new List<string>();
            var n = 0;
            void Add(string where, string op, double down, string day = "2026-10-05", string hour = "10:00:00", string extra = "", string access = "4G") =>
                lines.Add($"{{\"id\":\"t{n++}\",\"time\":\"{day}T{hour}Z\",{(where.Length > 0 ? where + "," : "")}\"operator\":\"{op}\",\"access\":\"{access}\"," +
                          $"\"down_mbps\":{down.ToString(CultureInfo.InvariantCulture)},\"up_mbps\":2,\"latency_ms\":{(40 + n % 30).ToString(CultureInfo.InvariantCulture)}{extra}}}");
            // kcell, KZ-71: 30 tests, 26 at or above 5 (one exactly 5, on the last second of the period); networks repeat within days.
            for (var i = 0; i < 30; i++)
                Add(Astana, "kcell", i < 4 ? 3.5 : i == 4 ? 5 : 6 + i, day: $"2026-10-{1 + i % 3:00}", hour: $"{10 + i / 3:00}:00:00",
                    extra: $",\"client_ip\":\"95.56.{i % 2}.{i + 1}\"");
            lines[^1] = lines[^1].Replace("2026-10-03T19:00:00Z", "2026-10-31T23:59:59Z", StringComparison.Ordinal);
            // beeline, KZ-75: 40 tests, all at or above (k = n; at least 36 are needed for compliance at 0.9); 5 are an inspector's drive tests.
            for (var i = 0; i < 40; i++) Add(Almaty, "beeline", 10 + i, extra: i < 5 ? ",\"source\":\"inspector\"" : "");
            // tele2, KZ-75: 10 tests, none at or above (k = 0).
            for (var i = 0; i < 10; i++) Add(Almaty, "tele2", 1 + i * 0.3);
            // altel, KZ-71: one test (n = 1).
            Add(Astana, "altel", 12);
            // kcell with no location: the group with an empty region.
            for (var i = 0; i < 5; i++) Add("", "kcell", 4 + i);
            // Never counted: SYNTHETIC, 3G, after the period, before it.
            for (var i = 0; i < 10; i++) Add(Astana, "kcell", 0.5, extra: ",\"synthetic\":true");
            Add(Astana, "kcell", 0.5, access: "3G");
            Add(Astana, "kcell", 0.5, day: "2026-11-01", hour: "00:00:00");
            Add(Astana, "kcell", 0.5, day: "2026-09-30", hour: "23:59:59");
            File.WriteAllText(Dir.File("tests.ndjson"), string.Join("\n", lines) + "\n");
            Run(Dir.Path, "import", "regions", SharedData.RegionsGeoJson, "--store", Store);
            Run(Dir.Path, "import", "measurements", "tests.ndjson", "--store", Store);
        }

        public void Dispose() => Dir.Dispose();
    }

    private static CliRun Run(string dir, params string[] args)
    {
        var r = CliRun.In(dir, args);
        Assert.True(r.Exit == 0, $"{string.Join(' ', args)}: exit {r.Exit}\n{r.Out}\n{r.Err}");
        return r;
    }

    private const string ShareObligation =
        "{\"id\":\"4g-5\",\"technology\":\"4G\",\"metric\":\"down_mbps\",\"threshold\":5,\"share\":0.9,\"confidence\":0.95,\"by\":[\"operator\",\"region\"]}";

    private List<Dictionary<string, string>> Verdicts(string obligations, params string[] more)
    {
        _dir.Write("o.json", obligations);
        Run(_dir.Path, ["quality", "verdicts", "--store", _seed.Store, "--obligations", "o.json", "--from", "2026-10-01", "--to", "2026-10-31", "--out", "v.csv", .. more]);
        var lines = File.ReadAllLines(_dir.File("v.csv"));
        Assert.StartsWith("obligation,operator,region,n,k,estimate,ci_low,ci_high,verdict", lines[0], StringComparison.Ordinal);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Share_verdicts_match_an_independent_clopper_pearson()
    {
        var rows = Verdicts($"[{ShareObligation}]");
        // The period judged closes each row, so that a case opened from the file knows it.
        Assert.All(rows, r => Assert.Equal(("2026-10-01", "2026-10-31"), (r["from"], r["to"])));
        Assert.Equal(["4g-5|altel|KZ-71", "4g-5|beeline|KZ-75", "4g-5|kcell|", "4g-5|kcell|KZ-71", "4g-5|tele2|KZ-75"],
            rows.Select(r => $"{r["obligation"]}|{r["operator"]}|{r["region"]}"));
        var expected = new Dictionary<string, (int N, int K)>
        {
            ["altel|KZ-71"] = (1, 1), ["beeline|KZ-75"] = (40, 40), ["kcell|"] = (5, 4), ["kcell|KZ-71"] = (30, 26), ["tele2|KZ-75"] = (10, 0),
        };
        foreach (var r in rows)
        {
            var (n, k) = expected[$"{r["operator"]}|{r["region"]}"];
            Assert.Equal((n, k), (int.Parse(r["n"], CultureInfo.InvariantCulture), int.Parse(r["k"], CultureInfo.InvariantCulture)));
            Assert.Equal((double)k / n, D(r["estimate"]), 1e-12);
            var (low, high) = Independent.ClopperPearson(k, n, 0.95);
            Assert.Equal(low, D(r["ci_low"]), 1e-6);
            Assert.Equal(high, D(r["ci_high"]), 1e-6);
            var verdict = high < 0.9 ? "violation" : low >= 0.9 ? "compliant" : "inconclusive";
            Assert.Equal(verdict, r["verdict"]);
        }
        Assert.Equal("violation", rows.Single(r => r["operator"] == "tele2")["verdict"]);
        Assert.Equal("compliant", rows.Single(r => r["operator"] == "beeline")["verdict"]);
        var one = rows.Single(r => r["operator"] == "altel");
        Assert.Equal("inconclusive", one["verdict"]);
        Assert.Equal(0.025, D(one["ci_low"]), 1e-12); // n = 1, k = 1: the lower bound is α/2
        Assert.Equal("0", rows.Single(r => r["operator"] == "tele2")["ci_low"]);
        Assert.Equal("1", rows.Single(r => r["operator"] == "beeline")["ci_high"]);
    }

    [Fact]
    public void Further_tests_are_the_fewest_that_at_the_same_rate_would_decide()
    {
        var row = Verdicts($"[{ShareObligation}]").Single(r => r["operator"] == "kcell" && r["region"] == "KZ-71");
        Assert.Equal("inconclusive", row["verdict"]);
        var m = int.Parse(row["further_tests"], CultureInfo.InvariantCulture);
        bool Decides(int extra)
        {
            var n = 30 + extra;
            var k = (int)Math.Round(26.0 / 30 * n, MidpointRounding.AwayFromZero);
            var (low, high) = Independent.ClopperPearson(k, n, 0.95);
            return high < 0.9 || low >= 0.9;
        }
        Assert.True(Decides(m));
        Assert.False(Decides(m - 1));
    }

    [Fact]
    public void Inspector_and_crowd_tests_can_be_judged_apart()
    {
        var rows = Verdicts($"[{ShareObligation}]", "--sources", "separate").Where(r => r["operator"] == "beeline").ToList();
        Assert.Equal([("crowd", "35"), ("inspector", "5")], rows.Select(r => (r["source"], r["n"])));
        var inspector = Verdicts($"[{ShareObligation}]", "--sources", "inspector");
        Assert.Equal(["beeline|5"], inspector.Select(r => $"{r["operator"]}|{r["n"]}"));
        var crowd = Verdicts($"[{ShareObligation}]", "--sources", "crowd");
        Assert.Equal("35", crowd.Single(r => r["operator"] == "beeline")["n"]);
    }

    [Fact]
    public void One_test_per_client_network_per_day_keeps_the_first_of_each()
    {
        // kcell KZ-71: 30 tests over 3 days (plus the last one moved to 31 October), networks 95.56.0.0/24 and 95.56.1.0/24.
        // Days 1..3 each have both networks: 6 first tests; the moved test is alone on its day: 7.
        var row = Verdicts($"[{ShareObligation}]", "--one-per-network-day").Single(r => r["operator"] == "kcell" && r["region"] == "KZ-71");
        Assert.Equal("7", row["n"]);
        // Tests with no network are all kept.
        Assert.Equal("40", Verdicts($"[{ShareObligation}]", "--one-per-network-day").Single(r => r["operator"] == "beeline")["n"]);
    }

    [Fact]
    public void Quantile_and_median_rules_use_the_order_statistic_interval()
    {
        var rows = Verdicts("[{\"id\":\"p10\",\"technology\":\"4G\",\"metric\":\"down_mbps\",\"rule\":\"quantile_at_least\",\"quantile\":0.1,\"threshold\":5,\"confidence\":0.95}," +
                            "{\"id\":\"lat\",\"technology\":\"4G\",\"metric\":\"latency_ms\",\"rule\":\"median_at_most\",\"threshold\":100,\"confidence\":0.95}]");
        var p10 = rows.Single(r => r["obligation"] == "p10" && r["operator"] == "kcell" && r["region"] == "KZ-71");
        var down = new List<double> { 3.5, 3.5, 3.5, 3.5, 5 };
        for (var i = 5; i < 30; i++) down.Add(6 + i);
        down.Sort();
        var (l, u) = Independent.QuantileRanks(30, 0.1, 0.95);
        Assert.Equal(l == 0 ? double.NegativeInfinity : down[l - 1], D(p10["ci_low"]));
        Assert.Equal(down[u - 1], D(p10["ci_high"]));
        Assert.Equal("inconclusive", p10["verdict"]);
        Assert.Equal("violation", rows.Single(r => r["obligation"] == "p10" && r["operator"] == "tele2")["verdict"]);
        Assert.Equal("compliant", rows.Single(r => r["obligation"] == "p10" && r["operator"] == "beeline")["verdict"]);
        // One test cannot bound the 10th percentile: both bounds are open.
        var single = rows.Single(r => r["obligation"] == "p10" && r["operator"] == "altel");
        Assert.Equal(("-Infinity", "Infinity", "inconclusive"), (single["ci_low"], single["ci_high"], single["verdict"]));
        // Latency 40..69 ms everywhere: the median is at most 100 ms wherever the interval closes.
        Assert.Equal("compliant", rows.Single(r => r["obligation"] == "lat" && r["operator"] == "kcell" && r["region"] == "KZ-71")["verdict"]);
        Assert.Equal("compliant", rows.Single(r => r["obligation"] == "lat" && r["operator"] == "beeline")["verdict"]);
    }

    [Fact]
    public void A_bad_obligations_file_names_line_and_field_and_writes_nothing()
    {
        _dir.Write("bad.json", "[\n  {\"id\":\"a\",\"technology\":\"4G\",\n   \"metric\":\"download\",\n   \"threshold\":5,\"share\":1.5},\n  {\"id\":\"b\",\"technology\":\"4G\",\"metric\":\"down_mbps\",\"threshold\":5,\"share\":0.9,\"by\":[\"motorway\"]}\n]\n");
        var r = CliRun.In(_dir.Path, "quality", "verdicts", "--store", _seed.Store, "--obligations", "bad.json", "--from", "2026-10-01", "--to", "2026-10-31", "--out", "v.csv");
        Assert.Equal(ExitCodes.Rejected, r.Exit);
        Assert.Contains("bad.json:3: $[0].metric: 'download' is not", r.Err);
        Assert.Contains("bad.json:4: $[0].share: 1.5 is not between 0 and 1", r.Err);
        Assert.Contains("bad.json:5: $[1].by[0]: motorway is not available", r.Err);
        Assert.False(File.Exists(_dir.File("v.csv")));
        var imp = CliRun.In(_dir.Path, "quality", "obligations", "import", "bad.json", "--store", "o.db");
        Assert.Equal(ExitCodes.Rejected, imp.Exit);
        _dir.Write("broken.json", "[\n {\"id\": \"a\",\n");
        var broken = CliRun.In(_dir.Path, "quality", "verdicts", "--store", _seed.Store, "--obligations", "broken.json", "--from", "2026-10-01", "--to", "2026-10-31");
        Assert.Equal(ExitCodes.Rejected, broken.Exit);
        Assert.Contains("broken.json:", broken.Err);
    }

    [Fact]
    public void Obligations_are_versioned_and_the_default_set_is_stored()
    {
        var list = Run(_dir.Path, "quality", "obligations", "list", "--store", "o.db");
        Assert.Contains("4g-down-5 v1: every operator, 4G, share of down_mbps >= 5 at least 0.9", list.Out);
        _dir.Write("edit.json", "[{\"id\":\"4g-down-5\",\"technology\":\"4G\",\"metric\":\"down_mbps\",\"threshold\":5,\"share\":0.8,\"confidence\":0.95}," + ShareObligation + "]");
        var imp = Run(_dir.Path, "quality", "obligations", "import", "edit.json", "--store", "o.db", "--actor", "inspector-1");
        Assert.Contains("stored 4g-down-5 version 2", imp.Out);
        Assert.Contains("stored 4g-5 version 1", imp.Out);
        var again = Run(_dir.Path, "quality", "obligations", "import", "edit.json", "--store", "o.db");
        Assert.Contains("0 new version(s), 2 unchanged", again.Out);
        var history = Run(_dir.Path, "quality", "obligations", "history", "4g-down-5", "--store", "o.db");
        Assert.Equal(2, history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("inspector-1", history.Out);
        var show = Run(_dir.Path, "quality", "obligations", "show", "4g-down-5", "--store", "o.db");
        Assert.Contains("\"version\":2", show.Out);
        Assert.Contains("\"share\":0.8", show.Out);
    }

    [Fact]
    public void Evidence_pack_writes_html_and_the_counted_tests()
    {
        _dir.Write("o.json", $"[{ShareObligation}]");
        var r = Run(_dir.Path, "quality", "evidence", "--store", _seed.Store, "--obligations", "o.json", "--obligation", "4g-5", "--operator", "tele2",
            "--region", "KZ-75", "--from", "2026-10-01", "--to", "2026-10-31", "--out", "pack");
        Assert.Contains("violation: n = 10, k = 0", r.Out);
        var html = File.ReadAllText(_dir.File("pack/evidence.html"));
        Assert.Contains("<svg class=\"interval\"", html);
        Assert.Contains("<svg class=\"histogram\"", html);
        Assert.Contains("<svg class=\"map\"", html);
        Assert.Contains("@media print", html);
        Assert.Contains("Obligation version", html);
        var csv = File.ReadAllLines(_dir.File("pack/tests.csv"));
        Assert.Equal(11, csv.Length);
        Assert.All(csv.Skip(1), l => Assert.EndsWith(",false", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_size_is_the_smallest_n_with_the_power()
    {
        var r = Run(_dir.Path, "quality", "sample-size", "--share", "0.9", "--expected", "0.7", "--confidence", "0.95");
        var n = int.Parse(r.Out.Split('\n')[0].Split(' ')[2], CultureInfo.InvariantCulture);
        Assert.True(Independent.ViolationPower(n, 0.9, 0.7, 0.95) >= 0.8);
        Assert.True(Independent.ViolationPower(n - 1, 0.9, 0.7, 0.95) < 0.8 || Enumerable.Range(1, n - 2).Any(x => Independent.ViolationPower(x, 0.9, 0.7, 0.95) < 0.8));
        Assert.All(Enumerable.Range(1, n - 1), x => Assert.True(Independent.ViolationPower(x, 0.9, 0.7, 0.95) < 0.8));
        Assert.Contains("decides violation when k", r.Out);
    }

    /// <summary>Independent computations: binomial tails summed term by term, bounds by bisection.</summary>
    private static class Independent
    {
        private static double LogChoose(int n, int k)
        {
            double s = 0;
            for (var i = 1; i <= k; i++) s += Math.Log(n - k + i) - Math.Log(i);
            return s;
        }

        private static double Pmf(int n, int i, double p) =>
            p <= 0 ? (i == 0 ? 1 : 0) : p >= 1 ? (i == n ? 1 : 0) : Math.Exp(LogChoose(n, i) + i * Math.Log(p) + (n - i) * Math.Log(1 - p));

        /// <summary>P(X >= k).</summary>
        public static double Upper(int n, int k, double p) => Enumerable.Range(k, Math.Max(0, n - k + 1)).Sum(i => Pmf(n, i, p));

        private static double Bisect(Func<double, bool> below)
        {
            double lo = 0, hi = 1;
            for (var i = 0; i < 100; i++) { var m = (lo + hi) / 2; if (below(m)) lo = m; else hi = m; }
            return (lo + hi) / 2;
        }

        public static (double Low, double High) ClopperPearson(int k, int n, double confidence)
        {
            var alpha = 1 - confidence;
            var low = k == 0 ? 0 : Bisect(p => Upper(n, k, p) < alpha / 2);
            var high = k == n ? 1 : Bisect(p => Upper(n, k + 1, p) < 1 - alpha / 2);
            return (low, high);
        }

        /// <summary>Ranks l, u of the equal-tailed order-statistic interval: F(l-1) ≤ α/2 (largest), F(u-1) ≥ 1-α/2 (smallest).</summary>
        public static (int L, int U) QuantileRanks(int n, double q, double confidence)
        {
            var alpha = 1 - confidence;
            double Cdf(int x) => Enumerable.Range(0, x + 1).Sum(i => Pmf(n, i, q));
            var l = 0;
            for (var r = 1; r <= n; r++) if (Cdf(r - 1) <= alpha / 2) l = r;
            var u = n + 1;
            for (var r = n; r >= 1; r--) if (Cdf(r - 1) >= 1 - alpha / 2) u = r;
            return (l, u);
        }

        /// <summary>P(the CP upper bound is below the share) when the true share is expected, at n tests.</summary>
        public static double ViolationPower(int n, double share, double expected, double confidence) =>
            Enumerable.Range(0, n + 1).Where(k => ClopperPearson(k, n, confidence).High < share).Sum(k => Pmf(n, k, expected));
    }
}
