using Dala.Quality.Model;
using Dala.Quality.Store;
using Dala.Quality.Verdicts;

namespace Dala.Quality.Claims;

/// <summary>How claims are checked: the check date and how far before a claim's as-of date tests count.</summary>
public sealed record ClaimCheckOptions(DateOnly CheckDate, int WindowMonths = ClaimCheck.DefaultWindowMonths)
{
    /// <summary>Tests from <see cref="WindowMonths"/> months before the as-of date up to the end of the check date.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Window(CoverageClaim claim) =>
        (new DateTimeOffset(claim.AsOf.AddMonths(-WindowMonths).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
         new DateTimeOffset(CheckDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}

/// <summary>
/// One claim's check: n valid tests of the claim's operator and technology placed in its settlement within the window,
/// k of them at or above the claimed download, the share k/n with its exact (Clopper-Pearson) 95% interval, the status
/// that follows, and the radio prediction beside it.
/// </summary>
public sealed record ClaimCheckResult(CoverageClaim Claim, DateTimeOffset From, DateTimeOffset To, int N, int K, Interval Interval,
    ClaimStatus Status, double? PredictedDownMbps, PredictionAgreement Prediction)
{
    public double? Share => N == 0 ? null : (double)K / N;

    /// <summary>"Claimed but not delivered": what a challenge is filed on.</summary>
    public bool Flagged => Status == ClaimStatus.NotDelivered;
}

/// <summary>
/// The claim check. The rule: count the valid single tests of the claim's operator and technology placed in the settlement
/// from <see cref="DefaultWindowMonths"/> months before the claim's as-of date up to the check date (SYNTHETIC tests only
/// for a SYNTHETIC claim: the demo never mixes into real claims); n tests, k at or above the claimed download. The share
/// k/n gets its exact Clopper-Pearson interval at <see cref="Confidence"/> (95%). A claim is "delivered" when the interval's
/// low is at or above <see cref="MedianShare"/> (0.5: then the median test meets the claim), "claimed but not delivered"
/// when its high is below 0.5 (the median test misses the claim), otherwise "unproven" (or "no tests" when n = 0). The
/// radio prediction (predicted down from the latest coverage run) is shown beside it: it agrees when it is at or above
/// the claimed speed, disagrees when below; it never changes the measured status.
/// </summary>
public static class ClaimCheck
{
    public const double MedianShare = 0.5;
    public const double Confidence = 0.95;
    public const int DefaultWindowMonths = 12;

    /// <summary>The rule in one sentence, for the CLI output and the API.</summary>
    public const string Rule = "share of valid tests at or above the claimed download, exact Clopper-Pearson 95% interval: " +
                               "delivered when its low >= 0.5 (the median test meets the claim), claimed but not delivered when its high < 0.5, " +
                               "otherwise unproven; the radio prediction is shown beside it";

    /// <summary>Checks one claim over tests (any tests: those that do not count are left out here).</summary>
    public static ClaimCheckResult Evaluate(CoverageClaim claim, IEnumerable<Measurement> tests, double? predicted, ClaimCheckOptions options)
    {
        var (from, to) = options.Window(claim);
        int n = 0, k = 0;
        foreach (var t in tests)
        {
            if (!Counts(claim, t, from, to)) continue;
            n++;
            if (t.DownMbps >= claim.ClaimedDownMbps) k++;
        }
        var interval = ShareInterval.ClopperPearson(k, n, Confidence);
        var status = claim.WithdrawnBy is not null ? ClaimStatus.Withdrawn
            : n == 0 ? ClaimStatus.NoTests
            : interval.AtOrAbove(MedianShare) ? ClaimStatus.Delivered
            : interval.Below(MedianShare) ? ClaimStatus.NotDelivered
            : ClaimStatus.Unproven;
        var agreement = predicted is not { } p ? PredictionAgreement.None
            : p >= claim.ClaimedDownMbps ? PredictionAgreement.Agrees : PredictionAgreement.Disagrees;
        return new ClaimCheckResult(claim, from, to, n, k, interval, status, predicted, agreement);
    }

    /// <summary>Whether a test counts for a claim.</summary>
    public static bool Counts(CoverageClaim claim, Measurement t, DateTimeOffset from, DateTimeOffset to) =>
        t.Kind == MeasurementKind.Test && t.Valid && t.DownMbps is not null && (claim.Synthetic || !t.Synthetic) &&
        t.SettlementId == claim.SettlementId && t.OperatorId == claim.OperatorId && t.Access == claim.Technology &&
        t.Time >= from && t.Time < to;

    /// <summary>
    /// Checks every claim with one streaming read of the store (the tests of the window that covers them all), keeping
    /// only the tests of the claims' settlement, operator and technology.
    /// </summary>
    public static IReadOnlyList<ClaimCheckResult> Run(IReadOnlyList<CoverageClaim> claims, IMeasurementStore measurements,
        IPredictedService predictions, ClaimCheckOptions options)
    {
        var live = claims.Where(c => c.WithdrawnBy is null).ToArray();
        var byKey = new Dictionary<(string, string, Registry.Model.Technology), List<Measurement>>();
        foreach (var c in live) byKey.TryAdd((c.SettlementId, c.OperatorId, c.Technology), []);
        if (live.Length > 0)
        {
            var from = live.Min(c => options.Window(c).From);
            var to = live.Max(c => options.Window(c).To);
            var techs = live.Select(c => c.Technology).Distinct().ToArray();
            var query = new TestQuery(from, to, Access: techs.Length == 1 ? techs[0] : null, IncludeSynthetic: live.Any(c => c.Synthetic));
            foreach (var t in measurements.Tests(query))
                if (t.SettlementId is { } s && t.OperatorId is { } o && t.Access is { } a && byKey.TryGetValue((s, o, a), out var list))
                    list.Add(t);
        }
        return claims.Select(c => Evaluate(c, byKey.GetValueOrDefault((c.SettlementId, c.OperatorId, c.Technology)) ?? [],
            c.WithdrawnBy is null ? predictions.PredictedDownMbps(c.SettlementId, c.Technology) : null, options)).ToArray();
    }
}
