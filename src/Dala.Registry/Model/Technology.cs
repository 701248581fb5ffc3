namespace Dala.Registry.Model;

/// <summary>How a settlement is connected. Declaration order is the ranking from worst to best.</summary>
public enum Technology
{
    None,
    ThreeG,
    Satellite,
    FixedWireless,
    FourG,
    FiveG,
    Fibre,
}

public static class Technologies
{
    public static readonly IReadOnlyList<Technology> All = Enum.GetValues<Technology>();

    /// <summary>The name used in files, the API and the UI: fibre, 3G, 4G, 5G, fixed-wireless, satellite, none.</summary>
    public static string WireName(this Technology t) => t switch
    {
        Technology.None => "none",
        Technology.ThreeG => "3G",
        Technology.FourG => "4G",
        Technology.FiveG => "5G",
        Technology.FixedWireless => "fixed-wireless",
        Technology.Satellite => "satellite",
        Technology.Fibre => "fibre",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static string Names => string.Join(", ", All.Select(WireName));

    /// <summary>Parses a wire name, case-insensitively, also accepting "fiber", "ftth", "lte", "nr", "fwa", "leo".</summary>
    public static Technology? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "none" => Technology.None,
        "3g" or "umts" => Technology.ThreeG,
        "4g" or "lte" => Technology.FourG,
        "5g" or "nr" or "5g-nr" => Technology.FiveG,
        "fixed-wireless" or "fixed wireless" or "fwa" => Technology.FixedWireless,
        "satellite" or "leo" or "vsat" => Technology.Satellite,
        "fibre" or "fiber" or "ftth" or "fttx" => Technology.Fibre,
        _ => null,
    };

    /// <summary>Broadband in the sense of the national target: any technology but none and 3G.</summary>
    public static bool IsBroadband(this Technology t) => t >= Technology.Satellite;
}
