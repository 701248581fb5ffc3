namespace Dala.Rollout.Options;

/// <summary>How a settlement can be served.</summary>
public enum OptionKind
{
    /// <summary>Existing mobile sites already give it the target at the busy hour (radio engine): no new cost.</summary>
    Existing,

    /// <summary>Low-orbit satellite terminals for its subscribing households.</summary>
    Leo,

    /// <summary>An existing 4G site upgraded with 5G radios (a facility that may serve several settlements).</summary>
    Upgrade,

    /// <summary>A new mast at a candidate location (the settlement itself or an offered site); needs a permit.</summary>
    NewSite,

    /// <summary>Fixed wireless from a fibre-fed tower, with an outdoor CPE per subscribing household.</summary>
    FixedWireless,

    /// <summary>Fibre to the settlement: its cabinet and drops, and the share of the new fibre network it joins.</summary>
    Fibre,
}

public static class OptionKinds
{
    public static string WireName(this OptionKind k) => k switch
    {
        OptionKind.Existing => "existing-mobile",
        OptionKind.Leo => "leo",
        OptionKind.Upgrade => "upgrade-5g",
        OptionKind.NewSite => "new-site",
        OptionKind.FixedWireless => "fixed-wireless",
        _ => "fibre",
    };

    /// <summary>Sites (masts, upgrades, radios) count against the build capacity for sites.</summary>
    public static bool IsSiteWork(this OptionKind k) => k is OptionKind.Upgrade or OptionKind.NewSite or OptionKind.FixedWireless;
}
