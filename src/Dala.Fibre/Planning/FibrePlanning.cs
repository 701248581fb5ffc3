using Dala.Fibre.Proxy;
using Dala.Registry.Query;

namespace Dala.Fibre.Planning;

/// <summary>A plan together with what was asked and what it was drawn from.</summary>
public sealed record FibrePlanReport(FibrePlanRequest Request, PlanSelection Selection, FibrePlan Plan, int NetworkNodes, int NetworkEdges);

/// <summary>
/// The planning use of the solver: choose the settlements, build the route network (the proxy when no road
/// network is given) and plan.
/// </summary>
public static class FibrePlanning
{
    /// <param name="roads">A road network whose anchors include the settlements in scope; null for the proxy.</param>
    public static FibrePlanReport Run(RegistryView view, FibrePlanRequest request, Func<PlanSelection, RouteNetwork>? roads = null, FibrePlanner? planner = null)
    {
        var selection = PlanSelection.Of(view, request);
        if (selection.Backbone.IsEmpty)
            throw new ArgumentException(request.Backbone == BackboneChoice.Fibre
                ? "no settlement in scope is on fibre: choose the towns as the backbone instead"
                : "there is no city or town in scope to serve as the backbone");
        var network = roads is null
            ? ProxyNetwork.Build([.. selection.Scope.Select(s => (s.Id, s.Location))], request.Costs, request.Detour)
            : roads(selection);
        var plan = (planner ?? FibrePlanner.Default).Plan(network, selection.Connect, selection.Backbone, request.Solver);
        return new FibrePlanReport(request, selection, plan, network.Graph.NodeCount, network.Graph.EdgeCount);
    }
}
