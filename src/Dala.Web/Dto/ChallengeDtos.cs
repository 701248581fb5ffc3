namespace Dala.Web.Dto;

/// <summary>One claim with its check. ciLow/ciHigh: the exact 95% interval of the share (null with no tests).</summary>
public sealed record ClaimDto(long Id, string SettlementId, string? SettlementName, string? Region, string Operator, string Technology,
    double ClaimedDownMbps, string AsOf, int N, int K, double? Share, double? CiLow, double? CiHigh, string Status, string StatusLabel,
    double? PredictedDownMbps, string Prediction, bool Synthetic, string SourceFile, long? WithdrawnBy, long? ChallengeId, string? ChallengeState);

/// <summary>Claims with their checks; synthetic when any claim is SYNTHETIC demo data.</summary>
public sealed record ClaimListDto(string AsOf, string Rule, double MedianShare, double Confidence, bool Synthetic,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ClaimDto> Claims);

public sealed record ClaimImportDto(string File, int Read, int Stored, int Unchanged, bool Synthetic);

public sealed record ChallengeEvidenceDto(int N, int K, double CiLow, double CiHigh, string Status, double? PredictedDownMbps, string From, string To);

public sealed record ChallengeDto(long Id, long ClaimId, string? SettlementId, string? SettlementName, string? Operator, double? ClaimedDownMbps,
    string State, string FiledBy, string FiledAt, string? Note, ChallengeEvidenceDto Evidence, bool Synthetic,
    string? AnsweredBy, string? AnsweredAt, string? Answer, string? DecidedBy, string? DecidedAt, string? DecisionNote);
