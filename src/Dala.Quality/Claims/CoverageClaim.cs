using Dala.Registry.Model;

namespace Dala.Quality.Claims;

/// <summary>
/// An operator's claim that a settlement has service of a technology at a download speed, as of a date (one row of a
/// claims file). <paramref name="Id"/> is 0 until stored. A claim removed by an upheld challenge keeps its row for the
/// record; <paramref name="WithdrawnBy"/> names that challenge. SYNTHETIC claims (the demo) are labelled wherever shown.
/// </summary>
public sealed record CoverageClaim(
    long Id,
    string SettlementId,
    string OperatorId,
    Technology Technology,
    double ClaimedDownMbps,
    DateOnly AsOf,
    string SourceFile,
    bool Synthetic,
    long? WithdrawnBy = null)
{
    /// <summary>What makes a claim unique: one operator's claim for one settlement and technology on one date.</summary>
    public (string, string, Technology, DateOnly) Key => (SettlementId, OperatorId, Technology, AsOf);
}
