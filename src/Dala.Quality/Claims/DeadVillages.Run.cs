using Dala.Geo;
using Dala.Quality.Store;
using Dala.Registry.Store;

namespace Dala.Quality.Claims;

public static partial class DeadVillages
{
    public const string Inspector = "synthetic demo inspector";

    /// <summary>What the demo did: claims and tests written, the dead villages, and what the check flagged among them.</summary>
    public sealed record Outcome(int Claims, int TestsAdded, int Dead, int Flagged, int FlaggedDead, int FlaggedLive, int ChallengesFiled,
        IReadOnlyList<ClaimCheckResult> Results);

    /// <summary>
    /// Replaces the SYNTHETIC claims and challenges with this demo's, adds its synthetic tests (a re-run adds none), checks
    /// the claims and, when asked, files a challenge against each flagged one.
    /// </summary>
    public static Outcome Run(RegistrySnapshot registry, IMeasurementStore measurements, IClaimStore claims, IPredictedService predictions,
        IClock clock, int villages, int dead, int seed, bool fileChallenges)
    {
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var demo = Generate(registry, today, villages, dead, seed);
        var added = measurements.Append(demo.Tests, []);
        claims.DeleteSynthetic();
        claims.AddClaims(demo.Claims);
        var stored = claims.Claims().Where(c => c.Synthetic).ToArray();
        var results = ClaimCheck.Run(stored, measurements, predictions, new ClaimCheckOptions(today));
        var flagged = results.Where(r => r.Flagged).ToArray();
        var filed = 0;
        if (fileChallenges)
        {
            var desk = new ChallengeDesk(claims, clock);
            foreach (var r in flagged)
                if (desk.File(r, Inspector, "SYNTHETIC demo: tests in this village mostly fail to reach the claimed speed").Error is null) filed++;
        }
        var flaggedDead = flagged.Count(r => demo.DeadSettlements.Contains(r.Claim.SettlementId));
        return new Outcome(stored.Length, added, demo.DeadSettlements.Count, flagged.Length, flaggedDead, flagged.Length - flaggedDead, filed, results);
    }
}
