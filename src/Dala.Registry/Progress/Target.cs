namespace Dala.Registry.Progress;

/// <summary>A national target: a share of settlements meeting a metric (fibre, broadband, mbps100) by a date.</summary>
public sealed record Target(string Id, string Label, string Metric, double Share, DateOnly By)
{
    public static readonly IReadOnlyList<string> Metrics = ["fibre", "broadband", "mbps100"];

    /// <summary>Kazakhstan's programme: 90% of rural settlements on broadband by end-2026, all at >= 100 Mbps by end-2027.</summary>
    public static readonly IReadOnlyList<Target> Defaults =
    [
        new("broadband-2026", "90% of rural settlements on broadband by end-2026", "broadband", 0.9, new DateOnly(2026, 12, 31)),
        new("mbps100-2027", "100% of rural settlements at ≥ 100 Mbps by end-2027", "mbps100", 1.0, new DateOnly(2027, 12, 31)),
    ];
}
