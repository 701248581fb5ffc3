namespace Dala.Registry.Model;

/// <summary>
/// One observation of how a settlement is connected, as of a date. History is the list of these; the current
/// status is derived from it. Identity: settlement, operator, technology and date.
/// </summary>
public sealed record ConnectivityRecord(
    string SettlementId,
    Technology Technology,
    string? OperatorId,
    double? DownMbps,
    double? UpMbps,
    DateOnly AsOf,
    string Source,
    bool Synthetic)
{
    public (string, string, Technology, DateOnly) Key => (SettlementId, OperatorId ?? "", Technology, AsOf);

    /// <summary>Advertised 100 Mbit/s or more; fibre without an advertised speed counts as capable.</summary>
    public bool Meets100Mbps => DownMbps is { } d ? d >= 100 : Technology == Technology.Fibre;
}
