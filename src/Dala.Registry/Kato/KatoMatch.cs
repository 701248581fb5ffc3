namespace Dala.Registry.Kato;

/// <summary>The KATO code found for one settlement, or why none was.</summary>
/// <param name="Name">The settlement's local name, for messages.</param>
/// <param name="Reason">Null when matched; else «no KATO entry named X in region», «ambiguous: ...».</param>
public sealed record SettlementKatoMatch(string SettlementId, string Name, string RegionCode, string? KatoCode, string? Reason)
{
    public bool IsMatched => KatoCode is not null;
}

/// <summary>How well one region's settlements matched KATO.</summary>
public sealed record KatoRegionStats(
    string RegionCode,
    string RegionName,
    int Settlements,
    int Matched,
    IReadOnlyList<SettlementKatoMatch> Unmatched)
{
    /// <summary>Matched share of the settlements, 0 to 1 (0 for a region without settlements).</summary>
    public double MatchRate => Settlements == 0 ? 0 : (double)Matched / Settlements;
}

/// <summary>Per settlement and per region results of <see cref="KatoMatcher.Match"/>.</summary>
public sealed record KatoMatchResult(IReadOnlyList<SettlementKatoMatch> Settlements, IReadOnlyList<KatoRegionStats> Regions)
{
    public int Matched => Settlements.Count(s => s.IsMatched);

    public double MatchRate => Settlements.Count == 0 ? 0 : (double)Matched / Settlements.Count;

    public SettlementKatoMatch? For(string settlementId) => Settlements.FirstOrDefault(s => s.SettlementId == settlementId);
}
