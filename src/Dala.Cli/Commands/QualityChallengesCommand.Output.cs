using Dala.Quality.Claims;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Cli.Commands;

public static partial class QualityChallengesCommand
{
    private static void PrintCheck(CliContext ctx, IReadOnlyList<ClaimCheckResult> results, RegistrySnapshot snapshot, IReadOnlyList<Challenge> challenges,
        DateOnly date, ClaimStatus? only, int limit)
    {
        ctx.OutText.WriteLine($"Claim check as of {date:yyyy-MM-dd}: {N(results.Count)} claims.");
        ctx.OutText.WriteLine($"Rule: {ClaimCheck.Rule}.");
        var synthetic = results.Count(r => r.Claim.Synthetic);
        if (synthetic > 0) ctx.OutText.WriteLine($"SYNTHETIC: {N(synthetic)} of the claims are synthetic demo data, checked against synthetic tests.");
        var counts = new Table().Border(TableBorder.Simple).AddColumn("status").AddColumn(new TableColumn("claims").RightAligned());
        foreach (var st in Enum.GetValues<ClaimStatus>()) counts.AddRow(st.Label(), N(results.Count(r => r.Status == st)));
        ctx.Out.Write(counts);
        var shown = results.Where(r => only is null || r.Status == only).ToArray();
        if (shown.Length == 0) return;
        var latest = ClaimCheckCsv.Latest(challenges);
        var t = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "claim", "settlement", "region", "operator", "claimed", "n", "k", "share", "95% CI", "status", "predicted", "challenge" }) t.AddColumn(h);
        foreach (var r in shown.Take(limit))
        {
            var c = r.Claim;
            var s = snapshot.SettlementsById.GetValueOrDefault(c.SettlementId);
            var ch = latest.GetValueOrDefault(c.Id);
            Row(t, N(c.Id) + (c.Synthetic ? " SYN" : ""), $"{s?.Name.Local ?? c.SettlementId} ({c.SettlementId})", s?.RegionCode ?? "",
                c.OperatorId, $"{Mbps(c.ClaimedDownMbps)} {c.Technology.WireName()}", N(r.N), N(r.K), r.Share is { } sh ? P(sh) : "-",
                r.N == 0 ? "-" : $"[{P(r.Interval.Low)}, {P(r.Interval.High)}]", r.Status.Label(),
                r.PredictedDownMbps is { } p ? $"{Mbps(p)} ({r.Prediction.WireName()})" : "none",
                ch is null ? "" : $"{ch.Id} {ch.State.WireName()}");
        }
        ctx.Out.Write(t);
        if (shown.Length > limit) ctx.OutText.WriteLine($"... and {N(shown.Length - limit)} more (--limit, or --out F.csv for every claim)");
    }
}
