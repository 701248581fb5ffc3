namespace Dala.Registry.Model;

public enum SettlementKind
{
    City,
    Town,
    Village,
    Hamlet,
}

public static class SettlementKinds
{
    public static string WireName(this SettlementKind k) => k.ToString().ToLowerInvariant();

    public static SettlementKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "city" => SettlementKind.City,
        "town" => SettlementKind.Town,
        "village" => SettlementKind.Village,
        "hamlet" => SettlementKind.Hamlet,
        _ => null,
    };

    /// <summary>Rural settlements (villages and hamlets) are what the national targets count.</summary>
    public static bool IsRural(this SettlementKind k) => k is SettlementKind.Village or SettlementKind.Hamlet;

    public const string Names = "city, town, village, hamlet";
}
