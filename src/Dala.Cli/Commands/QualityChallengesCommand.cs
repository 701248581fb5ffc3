using System.CommandLine;
using System.Globalization;
using Dala.Quality.Claims;
using Dala.Registry.Model;
using Dala.Registry.Store;
using Dala.Web.Predictions;

namespace Dala.Cli.Commands;

/// <summary>
/// dala quality challenges import|check|list|file|answer|decide|demo — operators' coverage claims checked against the
/// measured tests (and beside them the radio prediction), and challenges against claims not delivered.
/// </summary>
public static partial class QualityChallengesCommand
{
    public static Command Build(StoreOption store, CliContext ctx)
    {
        var cmd = new Command("challenges", "Coverage claims and challenges: import operators' claims, check them against the measured tests " +
                                            "(claimed but not delivered = the 95% interval of the share of tests reaching the claim lies below 0.5), " +
                                            "file, answer and decide challenges; a SYNTHETIC dead-villages demo.");
        cmd.Add(Import(store, ctx));
        cmd.Add(Check(store, ctx));
        cmd.Add(List(store, ctx));
        cmd.Add(FileVerb(store, ctx));
        cmd.Add(Answer(store, ctx));
        cmd.Add(Decide(store, ctx));
        cmd.Add(Demo(store, ctx));
        return cmd;
    }

    private static Command Import(StoreOption store, CliContext ctx)
    {
        var file = new Argument<string>("CLAIMS.csv") { Description = $"CSV with the columns {string.Join(",", ClaimsCsv.Columns)} (settlement: id, OSM node id or KATO code; optional synthetic)" };
        var cmd = new Command("import", "Import coverage claims; any bad row rejects the whole file (each named file:line: field: reason) and nothing is stored.") { file };
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var read = ClaimsCsv.ReadFile(ctx.FullPath(r.GetValue(file)!), s.ReadSnapshot(), Today(ctx));
            if (read.Ok)
            {
                var (stored, unchanged) = StoreOption.Claims(s).AddClaims(read.Claims);
                read.Tally.Stored = stored;
                read.Tally.Unchanged = unchanged;
            }
            var code = ReportOutput.Print(ctx, read.Tally.ToReport(read.Ok), s.Describe());
            if (read.Ok && read.Claims.Any(c => c.Synthetic)) ctx.OutText.WriteLine($"SYNTHETIC: {read.Claims.Count(c => c.Synthetic):N0} of the claims are marked synthetic.");
            return code;
        });
        return cmd;
    }

    private static Command Check(StoreOption store, CliContext ctx)
    {
        var asOf = new Option<string?>("--as-of") { Description = "Check date (default today): tests up to the end of this day count", HelpName = "YYYY-MM-DD" };
        var months = new Option<int>("--window-months") { Description = "Tests from this many months before each claim's as_of count", HelpName = "N", DefaultValueFactory = _ => ClaimCheck.DefaultWindowMonths };
        var status = new Option<string?>("--status") { Description = $"Show only claims with this status: {ClaimStatuses.Names} (default: not-delivered)", HelpName = "STATUS" };
        var all = new Option<bool>("--all") { Description = "Show every claim, not only those claimed but not delivered" };
        var limit = new Option<int>("--limit") { Description = "How many claims to list", HelpName = "N", DefaultValueFactory = _ => 50 };
        var output = new Option<string?>("--out") { Description = "Write every claim with its check to this CSV", HelpName = "FILE" };
        var cmd = new Command("check", "Check every claim: n valid tests of its operator and technology in the settlement (from 12 months before as_of to the check date), " +
                                       "k at or above the claimed download, the share with its exact Clopper-Pearson 95% interval; delivered when the low >= 0.5, " +
                                       "claimed but not delivered when the high < 0.5, else unproven (no tests when n = 0). The radio prediction is shown beside it.")
            { asOf, months, status, all, limit, output };
        cmd.SetAction(r =>
        {
            var date = r.GetValue(asOf) is { } text ? ParseDate(text, "--as-of") : Today(ctx);
            if (r.GetValue(months) is < 1 or > 120) throw new CliException("--window-months: must be 1 to 120");
            ClaimStatus? only = null;
            if (r.GetValue(status) is { } st) only = ClaimStatuses.Parse(st) ?? throw new CliException($"--status: '{st}' is not one of {ClaimStatuses.Names}");
            var s = store.Open(r, ctx);
            var snapshot = s.ReadSnapshot();
            var claims = StoreOption.Claims(s);
            var results = RunCheck(s, snapshot, claims.Claims(), new ClaimCheckOptions(date, r.GetValue(months)));
            var challenges = claims.Challenges();
            if (r.GetValue(output) is { } path)
            {
                using var w = new StreamWriter(ctx.FullPath(path));
                ClaimCheckCsv.Write(w, results, snapshot, challenges);
            }
            PrintCheck(ctx, results, snapshot, challenges, date, r.GetValue(all) ? null : only ?? ClaimStatus.NotDelivered, r.GetValue(limit));
            if (r.GetValue(output) is { } written) ctx.OutText.WriteLine($"wrote {results.Count:N0} claims to {ctx.FullPath(written)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(StoreOption store, CliContext ctx)
    {
        var state = new Option<string?>("--state") { Description = "Only challenges in this state: filed, answered, upheld, rejected", HelpName = "STATE" };
        var cmd = new Command("list", "The challenges, newest first: claim, state, who filed and answered, the decision, and the evidence at filing.") { state };
        cmd.SetAction(r =>
        {
            ChallengeState? only = null;
            if (r.GetValue(state) is { } st) only = ChallengeStates.Parse(st) ?? throw new CliException($"--state: '{st}' is not filed, answered, upheld or rejected");
            var s = store.Open(r, ctx);
            var claims = StoreOption.Claims(s);
            var byId = claims.Claims().ToDictionary(c => c.Id);
            var list = claims.Challenges().Where(c => only is null || c.State == only).ToArray();
            var t = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "id", "claim", "settlement", "operator", "claimed", "state", "filed", "answered", "decided", "evidence (n, k, 95% CI)" }) t.AddColumn(h);
            foreach (var c in list)
            {
                var claim = byId.GetValueOrDefault(c.ClaimId);
                var e = c.Evidence;
                Row(t, N(c.Id), N(c.ClaimId), claim?.SettlementId ?? "?", claim?.OperatorId ?? "?",
                    claim is null ? "?" : Mbps(claim.ClaimedDownMbps) + " " + claim.Technology.WireName(), c.State.WireName() + (c.Synthetic ? " (SYNTHETIC)" : ""),
                    $"{c.FiledBy} {Day(c.FiledAt)}", c.AnsweredBy is null ? "" : $"{c.AnsweredBy} {Day(c.AnsweredAt!.Value)}",
                    c.DecidedBy is null ? "" : $"{c.DecidedBy} {Day(c.DecidedAt!.Value)}",
                    $"{e.N}, {e.K}, [{P(e.CiLow)}, {P(e.CiHigh)}] {e.Status.Label()}");
            }
            ctx.Out.Write(t);
            ctx.OutText.WriteLine($"{list.Length:N0} challenge(s){(list.Any(c => c.Synthetic) ? $"; {list.Count(c => c.Synthetic):N0} SYNTHETIC (demo)" : "")}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static IReadOnlyList<ClaimCheckResult> RunCheck(IRegistryStore s, RegistrySnapshot snapshot, IReadOnlyList<CoverageClaim> claims, ClaimCheckOptions options) =>
        ClaimCheck.Run(claims, StoreOption.Measurements(s), CoveragePrediction.Latest(StoreOption.Coverage(s), snapshot), options);

    internal static DateOnly Today(CliContext ctx) => DateOnly.FromDateTime(ctx.Clock.Now.UtcDateTime);

    private static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new CliException($"{option}: '{text}' is not a date (YYYY-MM-DD)");

    /// <summary>Adds a row of plain text (brackets in intervals are not markup).</summary>
    internal static void Row(Table t, params string[] cells) => t.AddRow(cells.Select(c => new Text(c)).ToArray());

    internal static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    internal static string P(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    internal static string Mbps(double v) => v.ToString("0.##", CultureInfo.InvariantCulture) + " Mbit/s";
    private static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
