using System.CommandLine;
using Dala.Quality.Claims;
using Dala.Registry.Model;
using Dala.Web.Predictions;

namespace Dala.Cli.Commands;

public static partial class QualityChallengesCommand
{
    private static Command FileVerb(StoreOption store, CliContext ctx)
    {
        var claim = new Argument<long>("CLAIM") { Description = "The claim's id (see check)" };
        var actor = new Option<string>("--actor") { Description = "Who files it", HelpName = "NAME", Required = true };
        var note = new Option<string?>("--note") { Description = "Why", HelpName = "TEXT" };
        var cmd = new Command("file", "File a challenge against a claim; the claim check's figures now (n, k, interval, status, prediction) are kept as its evidence.")
            { claim, actor, note };
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var claims = StoreOption.Claims(s);
            var id = r.GetValue(claim);
            if (claims.Claim(id) is not { } found) throw new CliException($"no claim {id}", ExitCodes.Rejected);
            var check = RunCheck(s, s.ReadSnapshot(), [found], new ClaimCheckOptions(Today(ctx)))[0];
            return Print(ctx, new ChallengeDesk(claims, ctx.Clock).File(check, r.GetValue(actor), r.GetValue(note)), "filed");
        });
        return cmd;
    }

    private static Command Answer(StoreOption store, CliContext ctx)
    {
        var id = new Argument<long>("ID") { Description = "The challenge's id" };
        var actor = new Option<string>("--actor") { Description = "Who answers for the operator", HelpName = "NAME", Required = true };
        var note = new Option<string>("--note") { Description = "The operator's answer", HelpName = "TEXT", Required = true };
        var cmd = new Command("answer", "The operator answers a filed challenge.") { id, actor, note };
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            return Print(ctx, new ChallengeDesk(StoreOption.Claims(s), ctx.Clock).Answer(r.GetValue(id), r.GetValue(actor), r.GetValue(note)), "answered");
        });
        return cmd;
    }

    private static Command Decide(StoreOption store, CliContext ctx)
    {
        var id = new Argument<long>("ID") { Description = "The challenge's id" };
        var outcome = new Option<string>("--outcome") { Description = "upheld (the claim is withdrawn) or rejected", HelpName = "OUTCOME", Required = true };
        outcome.AcceptOnlyFromAmong("upheld", "rejected");
        var actor = new Option<string>("--actor") { Description = "Who decides", HelpName = "NAME", Required = true };
        var note = new Option<string?>("--note") { Description = "Reasons", HelpName = "TEXT" };
        var cmd = new Command("decide", "Decide an answered challenge: upheld withdraws the claim, rejected keeps it.") { id, outcome, actor, note };
        cmd.SetAction(r =>
        {
            var s = store.Open(r, ctx);
            var state = ChallengeStates.Parse(r.GetValue(outcome))!.Value;
            return Print(ctx, new ChallengeDesk(StoreOption.Claims(s), ctx.Clock).Decide(r.GetValue(id), state, r.GetValue(actor), r.GetValue(note)), "decided");
        });
        return cmd;
    }

    private static int Print(CliContext ctx, ChallengeOutcome outcome, string verb)
    {
        if (outcome.Error is { } e) throw new CliException($"{e.Field}: {e.Message}", ExitCodes.Rejected);
        var c = outcome.Challenge!;
        var ev = c.Evidence;
        ctx.OutText.WriteLine($"challenge {c.Id} {verb}: claim {c.ClaimId}, state {c.State.WireName()}{(c.Synthetic ? " (SYNTHETIC)" : "")}; " +
                              $"evidence at filing: n {ev.N}, k {ev.K}, 95% CI [{P(ev.CiLow)}, {P(ev.CiHigh)}], {ev.Status.Label()}");
        if (c.State == ChallengeState.Upheld) ctx.OutText.WriteLine($"claim {c.ClaimId} is withdrawn.");
        return ExitCodes.Ok;
    }

    private static Command Demo(StoreOption store, CliContext ctx)
    {
        var villages = new Option<int>("--villages") { Description = "How many rural settlements get a SYNTHETIC 4G claim", HelpName = "N", DefaultValueFactory = _ => 1000 };
        var dead = new Option<int>("--dead") { Description = "How many of them are dead (tests near zero)", HelpName = "N", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same demo", HelpName = "N", DefaultValueFactory = _ => 2026 };
        var noChallenges = new Option<bool>("--no-challenges") { Description = "Do not file challenges against the flagged claims" };
        var cmd = new Command("demo", $"SYNTHETIC \"dead villages\" demo: {DeadVillages.ClaimedMbps:0} Mbit/s 4G claims for rural settlements, about one in five dead " +
                                      "(synthetic tests near zero), the rest meeting the claim; then the check, and challenges filed against the flagged claims. " +
                                      "Replaces earlier synthetic claims and challenges.") { villages, dead, seed, noChallenges };
        cmd.SetAction(r =>
        {
            if (r.GetValue(villages) < 1) throw new CliException("--villages: must be at least 1");
            if (r.GetValue(dead) < 0 || r.GetValue(dead) > r.GetValue(villages)) throw new CliException("--dead: must be 0 to --villages");
            var s = store.Open(r, ctx);
            var snapshot = s.ReadSnapshot();
            if (!snapshot.Settlements.Any(x => x.Kind.IsRural())) throw new CliException("the store has no rural settlements: import settlements first (dala import settlements ...)", ExitCodes.Rejected);
            var o = DeadVillages.Run(snapshot, StoreOption.Measurements(s), StoreOption.Claims(s), CoveragePrediction.Latest(StoreOption.Coverage(s), snapshot), ctx.Clock,
                r.GetValue(villages), r.GetValue(dead), r.GetValue(seed), !r.GetValue(noChallenges));
            ctx.OutText.WriteLine($"SYNTHETIC dead-villages demo (seed {r.GetValue(seed)}) in {s.Describe()}:");
            ctx.OutText.WriteLine($"  {N(o.Claims)} synthetic claims of {DeadVillages.ClaimedMbps:0} Mbit/s 4G, {N(o.Dead)} of the villages dead; {N(o.TestsAdded)} synthetic tests added");
            ctx.OutText.WriteLine($"  claimed but not delivered: {N(o.Flagged)} ({N(o.FlaggedDead)} of the {N(o.Dead)} dead villages, {N(o.FlaggedLive)} live ones)");
            foreach (var st in Enum.GetValues<ClaimStatus>().Where(st => st != ClaimStatus.NotDelivered))
                ctx.OutText.WriteLine($"  {st.Label()}: {N(o.Results.Count(x => x.Status == st))}");
            ctx.OutText.WriteLine($"  challenges filed: {N(o.ChallengesFiled)}");
            ctx.OutText.WriteLine($"Rule: {ClaimCheck.Rule}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
