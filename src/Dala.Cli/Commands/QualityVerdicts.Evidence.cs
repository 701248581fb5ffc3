using System.CommandLine;
using Dala.Quality.Verdicts;

namespace Dala.Cli.Commands;

public static partial class QualityVerdicts
{
    private static Command Evidence(StoreOption store, CliContext ctx)
    {
        var obligations = ObligationsFile();
        var id = new Option<string>("--obligation") { Description = "The obligation's id", HelpName = "ID", Required = true };
        var op = new Option<string>("--operator") { Description = "The unit's operator (empty or absent: the unit with no operator key)", HelpName = "ID", DefaultValueFactory = _ => "" };
        var region = new Option<string>("--region") { Description = "The unit's region code (empty: tests without a region)", HelpName = "CODE", DefaultValueFactory = _ => "" };
        var settlement = new Option<string>("--settlement") { Description = "The unit's settlement (when the obligation judges by settlement)", HelpName = "ID", DefaultValueFactory = _ => "" };
        var from = Day("--from", "First UTC day of the period");
        var to = Day("--to", "Last UTC day of the period (inclusive)");
        var dir = new Option<string>("--out") { Description = "Folder to write evidence.html and tests.csv into", HelpName = "DIR", Required = true };
        var onePerNetwork = new Option<bool>("--one-per-network-day") { Description = "Count only the first test per client network per UTC day" };
        var cmd = new Command("evidence", "The evidence pack of one verdict: a printable HTML page (rule and version, unit, interval, histogram, map, tests) and the counted tests as CSV.")
            { obligations, id, op, region, settlement, from, to, dir, onePerNetwork };
        cmd.SetAction(r =>
        {
            var period = ReadPeriod(r.GetValue(from)!, r.GetValue(to)!);
            var o = LoadObligations(r, obligations, store, ctx).FirstOrDefault(x => x.Id == r.GetValue(id))
                    ?? throw new CliException($"--obligation {r.GetValue(id)}: no such obligation", ExitCodes.Rejected);
            var sampling = new Sampling(r.GetValue(onePerNetwork));
            var unit = new VerdictUnit(r.GetValue(op)!, r.GetValue(region)!, r.GetValue(settlement)!, "all");
            var groups = VerdictEngine.Counted(StoreOption.Measurements(store.Open(r, ctx)), o, period, sampling, u => u == unit);
            var tests = groups.TryGetValue(unit, out var list) ? list : [];
            var pack = EvidencePack.Build(o, unit, period, sampling, tests, ctx.Clock.Now);
            var folder = ctx.FullPath(r.GetValue(dir)!);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "evidence.html"), pack.Html());
            using (var w = new StreamWriter(Path.Combine(folder, "tests.csv"), false, new System.Text.UTF8Encoding(false))) pack.WriteCsv(w);
            ctx.OutText.WriteLine($"{Judgement.WireName(pack.Judgement.Verdict)}: n = {pack.Judgement.N}, k = {pack.Judgement.K} -> {Path.Combine(r.GetValue(dir)!, "evidence.html")}, tests.csv");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
