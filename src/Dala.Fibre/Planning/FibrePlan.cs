using System.Collections.Immutable;
using Dala.Fibre.Roads;
using Dala.Geo;

namespace Dala.Fibre.Planning;

/// <summary>
/// A plan: the fibre to lay (a Steiner tree on the route network) and, for each chosen settlement, its way to
/// the backbone along that tree. <see cref="NetworkKind"/> says whether it was drawn on roads or on the proxy.
/// Costs are tenge, lengths km; <see cref="LowerBoundTenge"/> is a proven bound: no plan on this network can
/// cost less, so <see cref="Gap"/> says how far from optimal this one can be.
/// </summary>
public sealed record FibrePlan(
    string NetworkKind,
    string NetworkDescription,
    ImmutableArray<PlannedRoute> Routes,
    ImmutableArray<SettlementPath> Paths,
    ImmutableArray<string> Unreachable,
    int BackboneSettlements,
    double Km,
    double CostTenge,
    double LowerBoundTenge,
    TimeSpan Elapsed,
    string Finish)
{
    /// <summary>Solver work units spent (edge scans; see <c>SteinerOptions.WorkLimit</c>).</summary>
    public long Work { get; init; }

    /// <summary>Which budget ended the search, "time" or "work"; null when it ended on its own (proof, stall).</summary>
    public string? StoppedBy { get; init; }

    public double Gap => CostTenge <= 0 ? 0 : Math.Max(0, (CostTenge - LowerBoundTenge) / CostTenge);

    public bool IsProxy => NetworkKind == RouteNetwork.Proxy;
}

/// <summary>One edge of the plan: where it runs, how long, how it is laid and what it costs.</summary>
public sealed record PlannedRoute(int Edge, string? From, string? To, ImmutableArray<LonLat> Line, double Km, CostClass CostClass, double CostTenge);

/// <summary>
/// A settlement's way to the backbone along the plan: the backbone settlement it reaches, the settlements it
/// passes, and the km and tenge of the whole way (shared stretches counted in full for each settlement).
/// </summary>
public sealed record SettlementPath(string SettlementId, string? BackboneId, ImmutableArray<string> Via, ImmutableArray<LonLat> Line, double Km, double CostTenge);
