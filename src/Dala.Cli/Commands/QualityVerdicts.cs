using System.CommandLine;
using System.Globalization;
using Dala.Quality.Obligations;
using Dala.Quality.Verdicts;

namespace Dala.Cli.Commands;

/// <summary>dala quality verdicts | obligations | evidence | sample-size: licence obligations judged on the tests.</summary>
public static partial class QualityVerdicts
{
    public static void AddTo(Command quality, StoreOption store, CliContext ctx)
    {
        quality.Add(Verdicts(store, ctx));
        quality.Add(Obligations(store, ctx));
        quality.Add(Evidence(store, ctx));
        quality.Add(SampleSizeVerb(ctx));
    }

    internal static Option<string?> ObligationsFile() =>
        new("--obligations") { Description = "JSON array of obligations (default: the stored current obligations)", HelpName = "FILE" };

    internal static Option<string> Day(string name, string what) =>
        new(name) { Description = what, HelpName = "YYYY-MM-DD", Required = true };

    private static Command Verdicts(StoreOption store, CliContext ctx)
    {
        var obligations = ObligationsFile();
        var from = Day("--from", "First UTC day of the period");
        var to = Day("--to", "Last UTC day of the period (inclusive)");
        var output = new Option<string?>("--out") { Description = "Write the verdicts CSV here (default: standard output)", HelpName = "FILE" };
        var onePerNetwork = new Option<bool>("--one-per-network-day") { Description = "Count only the first test per client network per UTC day in each unit" };
        var sources = new Option<string>("--sources") { Description = "all, crowd, inspector, or separate (inspector and crowd as separate rows)", DefaultValueFactory = _ => "all" };
        sources.AcceptOnlyFromAmong("all", "crowd", "inspector", "separate");
        var cmd = new Command("verdicts", "Judge each obligation per unit on the valid, non-synthetic tests of the period: n, k, estimate, exact interval, " +
                                          "violation | compliant | inconclusive and the further tests that would likely decide.")
            { obligations, from, to, output, onePerNetwork, sources };
        cmd.SetAction(r =>
        {
            var period = ReadPeriod(r.GetValue(from)!, r.GetValue(to)!);
            var list = LoadObligations(r, obligations, store, ctx);
            var sampling = new Sampling(r.GetValue(onePerNetwork), Sampling.ParseSources(r.GetValue(sources))!.Value);
            var rows = VerdictEngine.Compute(StoreOption.Measurements(store.Open(r, ctx)), list, period, sampling);
            if (r.GetValue(output) is { } path)
            {
                using (var w = new StreamWriter(ctx.FullPath(path), false, new System.Text.UTF8Encoding(false))) VerdictCsv.Write(w, rows, period);
                var count = (VerdictKind v) => rows.Count(x => x.Judgement.Verdict == v).ToString(CultureInfo.InvariantCulture);
                ctx.OutText.WriteLine($"{rows.Count} verdicts: {count(VerdictKind.Violation)} violation, {count(VerdictKind.Compliant)} compliant, " +
                                      $"{count(VerdictKind.Inconclusive)} inconclusive -> {path}");
            }
            else VerdictCsv.Write(ctx.OutText, rows, period);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static Period ReadPeriod(string from, string to)
    {
        var f = ReadDay("--from", from);
        var t = ReadDay("--to", to);
        if (t < f) throw new CliException($"--to {to} is before --from {from}");
        return new Period(f, t);
    }

    private static DateOnly ReadDay(string name, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new CliException($"{name} {text}: not a date YYYY-MM-DD");

    /// <summary>The obligations of --obligations (any problem: each named on stderr, exit 2), else the stored current ones (the default set when none).</summary>
    internal static IReadOnlyList<Obligation> LoadObligations(ParseResult r, Option<string?> file, StoreOption store, CliContext ctx)
    {
        if (r.GetValue(file) is not { } path) return StoreOption.Obligations(store.Open(r, ctx)).CurrentOrDefaults(ctx.Clock);
        return ReadFile(ctx, path);
    }

    internal static IReadOnlyList<Obligation> ReadFile(CliContext ctx, string path)
    {
        var full = ctx.FullPath(path);
        if (!File.Exists(full)) throw new CliException($"{path}: no such file", ExitCodes.Rejected);
        var result = ObligationFile.Read(full);
        if (result.Problems.Count == 0) return result.Obligations;
        foreach (var p in result.Problems) ctx.ErrText.WriteLine(p.ToString());
        throw new CliException($"{path}: {result.Problems.Count} problem(s); nothing was used or stored", ExitCodes.Rejected);
    }
}
