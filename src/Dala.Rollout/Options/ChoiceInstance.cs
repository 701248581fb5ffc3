using System.Collections.Immutable;
using Dala.Fibre.Graphs;
using Dala.Fibre.Planning;

namespace Dala.Rollout.Options;

/// <summary>
/// The technology-choice problem: every customer takes exactly one option, either one of its own
/// (<see cref="Options"/>: existing mobile, LEO, a facility's coverage) or fibre (<see cref="FibreOption"/>), which
/// needs a path of new fibre edges to the existing network (<see cref="RootSet"/>). Facilities are paid once when
/// any of their <see cref="Members"/> (customer, option index) uses them; fibre edges once when any customer's path runs over them. All costs are life-cycle tenge
/// at the start of service; graph costs are whole tenge.
/// </summary>
public sealed record ChoiceInstance(
    ImmutableArray<Customer> Customers,
    ImmutableArray<ImmutableArray<ServeOption>> Options,
    ImmutableArray<ServeOption?> FibreOption,
    ImmutableArray<Facility> Facilities,
    ImmutableArray<ImmutableArray<(int Customer, int Option)>> Members,
    RouteNetwork Network,
    Graph FibreGraph,
    ImmutableArray<double> EdgeCapex,
    ImmutableArray<double> EdgeOpexPerYear,
    ImmutableArray<int> RootSet,
    bool MandatoryTarget)
{
    public int Count => Customers.Length;

    /// <summary>The cheapest own option (no facility) of a customer, or null when it has none.</summary>
    public int? BestStandalone(int i)
    {
        int? best = null;
        var opts = Options[i];
        for (var k = 0; k < opts.Length; k++)
            if (opts[k].Facility < 0 && (best is null || opts[k].Cost < opts[best.Value].Cost)) best = k;
        return best;
    }
}
