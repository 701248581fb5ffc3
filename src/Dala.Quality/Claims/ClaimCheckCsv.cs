using Dala.Geo.Io;
using Dala.Registry.Model;
using Dala.Registry.Store;

namespace Dala.Quality.Claims;

/// <summary>
/// Every claim with its check as CSV: claim_id, settlement, settlement_name, region, operator, technology,
/// claimed_down_mbps, as_of, n, k, share, ci_low, ci_high, status, predicted_down_mbps, prediction, challenge, synthetic.
/// </summary>
public static class ClaimCheckCsv
{
    public static readonly string[] Header = ["claim_id", "settlement", "settlement_name", "region", "operator", "technology", "claimed_down_mbps", "as_of",
        "n", "k", "share", "ci_low", "ci_high", "status", "predicted_down_mbps", "prediction", "challenge", "synthetic"];

    public static void Write(TextWriter w, IReadOnlyList<ClaimCheckResult> results, RegistrySnapshot registry, IReadOnlyList<Challenge> challenges)
    {
        var latest = Latest(challenges);
        var csv = new CsvWriter(w);
        csv.Row(Header);
        foreach (var r in results)
        {
            var c = r.Claim;
            var s = registry.SettlementsById.GetValueOrDefault(c.SettlementId);
            var ch = latest.GetValueOrDefault(c.Id);
            csv.Row(c.Id, c.SettlementId, s?.Name.Local, s?.RegionCode, c.OperatorId, c.Technology.WireName(), c.ClaimedDownMbps, c.AsOf.ToString("yyyy-MM-dd"),
                r.N, r.K, r.Share, r.N == 0 ? null : r.Interval.Low, r.N == 0 ? null : r.Interval.High, r.Status.WireName(), r.PredictedDownMbps,
                r.Prediction.WireName(), ch is null ? null : $"{ch.Id}:{ch.State.WireName()}", c.Synthetic ? "true" : "false");
        }
    }

    /// <summary>The newest challenge of each claim.</summary>
    public static Dictionary<long, Challenge> Latest(IReadOnlyList<Challenge> challenges) =>
        challenges.GroupBy(c => c.ClaimId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
}
