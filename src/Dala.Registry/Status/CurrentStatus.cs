using Dala.Registry.Model;

namespace Dala.Registry.Status;

/// <summary>How a settlement is connected on a date, derived from its history.</summary>
/// <param name="Technology">Best active technology; None when records say so; null when there is no record at all.</param>
public sealed record CurrentStatus(
    Technology? Technology,
    double? MaxDownMbps,
    bool Meets100Mbps,
    DateOnly? AsOf,
    IReadOnlyList<ConnectivityRecord> Active,
    bool Synthetic)
{
    public static readonly CurrentStatus Unknown = new(null, null, false, null, [], false);

    public bool OnFibre => Technology == Model.Technology.Fibre;

    public bool Broadband => Technology is { } t && t.IsBroadband();

    /// <summary>Wire name of the technology, or "unknown".</summary>
    public string TechnologyName => Technology?.WireName() ?? "unknown";
}
