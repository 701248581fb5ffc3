using Google.OrTools.LinearSolver;

namespace Dala.Rollout.Giga.Optimal;

/// <summary>
/// One networked technology in the MIP: a binary per arc (the head's own edge) and a flow per arc. Every school takes at most
/// one incoming arc; a school's outgoing arcs need it in the network; single-commodity flow from the roots, one unit consumed
/// by each school in the network, capacity on an arc the size of its head's school component, keeps every chain on a root.
/// </summary>
internal sealed class NetworkVariables
{
    public NetworkVariables(Solver solver, NetworkArcs network, int schools, bool integral)
    {
        Network = network;
        var tag = network.Technology.ToString();
        Use = [.. network.Arcs.Select((a, k) => solver.MakeVar(0, 1, integral, $"{tag}_y{k}"))];
        Flow = [.. network.Arcs.Select((a, k) => solver.MakeNumVar(0, network.Component[a.To], $"{tag}_f{k}"))];
        Into = [.. Enumerable.Range(0, schools).Select(i => new List<int>())];
        OutOf = [.. Enumerable.Range(0, schools).Select(i => new List<int>())];
        for (var k = 0; k < network.Arcs.Length; k++)
        {
            Into[network.Arcs[k].To].Add(k);
            if (network.Arcs[k].From >= 0) OutOf[network.Arcs[k].From].Add(k);
        }
        for (var k = 0; k < network.Arcs.Length; k++)
        {
            var a = network.Arcs[k];
            var capacity = solver.MakeConstraint(double.NegativeInfinity, 0, $"{tag}_cap{k}");
            capacity.SetCoefficient(Flow[k], 1);
            capacity.SetCoefficient(Use[k], -network.Component[a.To]);
            var least = solver.MakeConstraint(0, double.PositiveInfinity, $"{tag}_least{k}");
            least.SetCoefficient(Flow[k], 1);
            least.SetCoefficient(Use[k], -1);
            if (a.From < 0) continue;
            var relay = solver.MakeConstraint(double.NegativeInfinity, 0, $"{tag}_relay{k}");
            relay.SetCoefficient(Use[k], 1);
            foreach (var b in Into[a.From]) relay.SetCoefficient(Use[b], -1);
        }
        for (var i = 0; i < schools; i++)
        {
            if (Into[i].Count == 0) continue;
            var balance = solver.MakeConstraint(0, 0, $"{tag}_balance{i}");
            foreach (var k in Into[i]) { balance.SetCoefficient(Flow[k], 1); balance.SetCoefficient(Use[k], -1); }
            foreach (var k in OutOf[i]) balance.SetCoefficient(Flow[k], -1);
        }
    }

    public NetworkArcs Network { get; }

    /// <summary>Adds a connectivity cut: the arcs entering the set carry at least the target's incoming arc.</summary>
    public void Add(Solver solver, ConnectivityCut cut)
    {
        var inside = cut.Set.ToHashSet();
        var row = solver.MakeConstraint(0, double.PositiveInfinity);
        for (var k = 0; k < Use.Length; k++)
        {
            var a = Network.Arcs[k];
            var coefficient = (inside.Contains(a.To) && (a.From < 0 || !inside.Contains(a.From)) ? 1 : 0) - (a.To == cut.Target ? 1 : 0);
            if (coefficient != 0) row.SetCoefficient(Use[k], coefficient);
        }
    }

    public Variable[] Use { get; }

    public Variable[] Flow { get; }

    public List<int>[] Into { get; }

    public List<int>[] OutOf { get; }
}
