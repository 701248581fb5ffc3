using System.Collections.Immutable;
using Dala.Fibre.Steiner;
using Dala.Geo;

namespace Dala.Fibre.Planning;

/// <summary>
/// Connects chosen settlements to the backbone at least cost: the backbone settlements are one contracted root
/// (fibre between them exists), the chosen ones are terminals, and the Steiner solver finds the tree with its
/// lower bound. Settlements missing from the network are reported as unreachable, never silently dropped.
/// </summary>
public sealed class FibrePlanner(ISteinerSolver solver)
{
    public static FibrePlanner Default { get; } = new(SteinerSolver.Default);

    public FibrePlan Plan(RouteNetwork network, IReadOnlyCollection<string> connect, IReadOnlyCollection<string> backbone, SteinerOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(backbone);
        if (backbone.Count == 0) throw new ArgumentException("the backbone is empty: choose at least one settlement with fibre as the starting point");
        var rootNodes = backbone.Where(network.Anchors.ContainsKey).Select(id => network.Anchors[id]).Distinct().ToArray();
        if (rootNodes.Length == 0) throw new ArgumentException("none of the backbone settlements is on the route network");
        var rootSet = rootNodes.ToHashSet();
        var missing = connect.Where(id => !network.Anchors.ContainsKey(id)).ToList();
        var terminals = connect.Where(network.Anchors.ContainsKey).Select(id => network.Anchors[id]).Where(n => !rootSet.Contains(n)).Distinct().ToArray();
        var result = solver.Solve(new SteinerProblem(network.Graph, terminals, rootNodes), options);
        var unreachable = missing.Concat(result.Unreachable.SelectMany(n => IdsAt(network, n, connect))).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var routes = result.Edges.Select(e => Route(network, e)).ToImmutableArray();
        var paths = TreePaths.Of(network, result.Edges, rootSet, connect.Where(id => network.Anchors.ContainsKey(id) && !unreachable.Contains(id)));
        return new FibrePlan(network.Kind, network.Description, routes, paths, unreachable, rootNodes.Length,
            routes.Sum(r => r.Km), result.Cost, Math.Min(result.LowerBound, result.Cost), result.Elapsed, result.Stats.Finish)
        {
            Work = result.Stats.Work, StoppedBy = result.Stats.StoppedBy,
        };
    }

    private static IEnumerable<string> IdsAt(RouteNetwork network, int node, IReadOnlyCollection<string> connect) =>
        connect.Where(id => network.Anchors.TryGetValue(id, out var n) && n == node);

    private static PlannedRoute Route(RouteNetwork network, int edge)
    {
        var e = network.Graph.Edge(edge);
        return new PlannedRoute(edge, network.SettlementAt(e.U), network.SettlementAt(e.V), [.. network.Shape(edge)], network.EdgeKm[edge],
            network.EdgeClass[edge], e.Cost);
    }
}
