namespace Dala.Rollout.Options;

/// <summary>
/// One way to serve one settlement: its own capex and yearly opex (a shared facility's cost is the facility's),
/// its life-cycle cost at the start of service, whether it reaches the target rate per subscriber at the busy
/// hour, the rate, and the technology a user would see.
/// </summary>
public readonly record struct ServeOption(
    OptionKind Kind,
    int Facility,
    double Capex,
    double OpexPerYear,
    double Cost,
    bool Meets100,
    double MbpsPerSubscriber,
    string Technology);

/// <summary>
/// Something built once that serves several settlements: a new mast, a 5G upgrade, fixed-wireless radios on a tower.
/// Its members are in <see cref="ChoiceInstance.Members"/>.
/// </summary>
public sealed record Facility(
    string Id,
    OptionKind Kind,
    Geo.LonLat Location,
    string Region,
    double Capex,
    double OpexPerYear,
    double Cost,
    bool NeedsPermit,
    bool Candidate,
    string Detail);
