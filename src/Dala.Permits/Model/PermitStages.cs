namespace Dala.Permits.Model;

/// <summary>
/// One stage a mast's permit request passes: its fixed key (the CSV column), its display name (configurable), the days
/// it may take after the stage before it (its SLA, configurable) and who holds it (the party that must act).
/// </summary>
public sealed record StageDef(string Key, string Name, int SlaDays, string Holder);

/// <summary>
/// The stages in order, from the request being opened to the mast on air. The keys are fixed (they are the CSV columns
/// and the store's columns); names, SLA days and holders are settings. The default SLAs are assumptions, sized so that
/// the whole chain (255 days, about 8.5 months) is shorter than the "up to a year" a mast takes today, which the
/// programme asks the regions to cut: land allotment 60 days (a regional administration's land decision and survey),
/// power connection 60 days (technical conditions and the grid company's works), design approval 30 days (expertise of
/// a standard mast design), permit 15 days (the construction permit once the design is approved), construction 60 days
/// (foundation, mast, equipment), on air 30 days (commissioning and the radio-frequency check).
/// </summary>
public sealed record PermitStages(IReadOnlyList<StageDef> Stages)
{
    public const string LandAllotted = "land_allotted", PowerConnected = "power_connected", DesignApproved = "design_approved",
        PermitIssued = "permit_issued", Built = "built", OnAir = "on_air";

    /// <summary>The stage keys in order (the CSV's date columns).</summary>
    public static readonly IReadOnlyList<string> Keys = [LandAllotted, PowerConnected, DesignApproved, PermitIssued, Built, OnAir];

    public static readonly PermitStages Default = new(
    [
        new(LandAllotted, "Land allotment", 60, "regional administration (akimat)"),
        new(PowerConnected, "Power connection", 60, "power distribution company"),
        new(DesignApproved, "Design approval", 30, "state expertise"),
        new(PermitIssued, "Construction permit", 15, "architecture and construction department (akimat)"),
        new(Built, "Construction", 60, "operator"),
        new(OnAir, "On air", 30, "operator"),
    ]);

    public StageDef this[string key] => Stages.First(s => s.Key == key);

    public int TotalSlaDays => Stages.Sum(s => s.SlaDays);

    /// <summary>These stages with some names, SLAs or holders changed; unknown keys or SLAs below 1 day are refused.</summary>
    public PermitStages With(string key, string? name = null, int? slaDays = null, string? holder = null)
    {
        if (!Keys.Contains(key)) throw new ArgumentException($"'{key}' is not a stage (one of {string.Join(", ", Keys)})", nameof(key));
        if (slaDays is < 1 or > 3650) throw new ArgumentOutOfRangeException(nameof(slaDays), slaDays, "an SLA is 1 to 3650 days");
        return new PermitStages(Stages.Select(s => s.Key != key ? s : s with
        {
            Name = name ?? s.Name, SlaDays = slaDays ?? s.SlaDays, Holder = holder ?? s.Holder,
        }).ToArray());
    }
}
