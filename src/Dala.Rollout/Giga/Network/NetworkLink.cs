namespace Dala.Rollout.Giga.Network;

/// <summary>A site a network grows from: a fibre POP or a cell tower.</summary>
public sealed record NetworkRoot(string Id, double Lat, double Lon);

/// <summary>
/// One hop of a network: school index ← parent (a root, ParentSchool = -1, or an earlier school) with the root it hangs from
/// and the straight-line length in metres.
/// </summary>
public sealed record NetworkLink(int School, string ParentId, int ParentSchool, string RootId, double DistanceM);
