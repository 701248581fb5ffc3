using System.Collections.Immutable;
using Dala.Fibre.Graphs;
using Dala.Rollout.Options;

namespace Dala.Rollout.Choice;

/// <summary>
/// Shadow prices on the resources a schedule ran out of: tenge per km of fibre in a region, per site work in a
/// region, and per tenge of capex (a budget). Added to the life-cycle costs they steer the technology choice away from
/// what cannot be built in time; the plan's money is always counted at the real costs.
/// </summary>
/// <param name="PerPermit">Added to every facility that needs a permit (a new mast) when permits made settlements late.</param>
public sealed record Prices(ImmutableDictionary<string, double> PerKm, ImmutableDictionary<string, double> PerSite, double PerCapex, double PerPermit = 0)
{
    public static Prices None { get; } = new(ImmutableDictionary<string, double>.Empty, ImmutableDictionary<string, double>.Empty, 0);

    public bool IsNone => PerKm.IsEmpty && PerSite.IsEmpty && PerCapex == 0 && PerPermit == 0;

    /// <summary>The instance with every cost raised by these prices (same customers, options, facilities and edges).</summary>
    public ChoiceInstance Apply(ChoiceInstance inst, Func<int, string> edgeRegion)
    {
        if (IsNone) return inst;
        ServeOption Raise(ServeOption o) => o with { Cost = o.Cost + PerCapex * o.Capex };
        var g = inst.FibreGraph;
        var builder = new GraphBuilder(g.NodeCount);
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var edge = g.Edge(e);
            var extra = PerKm.GetValueOrDefault(edgeRegion(e)) * inst.Network.EdgeKm[e] + PerCapex * inst.EdgeCapex[e];
            builder.AddEdge(edge.U, edge.V, Math.Min(GraphBuilder.MaxCost, edge.Cost + (long)Math.Round(extra)));
        }
        return inst with
        {
            Options = [.. inst.Options.Select(list => list.Select(Raise).ToImmutableArray())],
            FibreOption = [.. inst.FibreOption.Select(f => f is { } o ? Raise(o) : (ServeOption?)null)],
            Facilities = [.. inst.Facilities.Select(f => f with { Cost = f.Cost + PerCapex * f.Capex + PerSite.GetValueOrDefault(f.Region) + (f.NeedsPermit ? PerPermit : 0) })],
            FibreGraph = builder.Build(),
        };
    }
}
