using Dala.Rollout.Giga.Costs;
using Dala.Rollout.Giga.Input;
using Google.OrTools.LinearSolver;

namespace Dala.Rollout.Giga.Optimal;

/// <summary>
/// The MIP: per school one of its feasible stand-alone technologies (a binary each) or one incoming arc of a networked
/// technology; the objective is the sum of the chosen totals, an arc costing its head's total with that edge.
/// </summary>
internal sealed class OptimalModel
{
    public static readonly Technology[] StandAlone = [Technology.Cellular, Technology.Satellite];

    public OptimalModel(Solver solver, CaseCosts costs, IReadOnlyList<NetworkArcs> networks, bool integral)
    {
        Solver = solver;
        var n = costs.Case.Schools.Length;
        Networks = [.. networks.Select(a => new NetworkVariables(solver, a, n, integral))];
        Options = new Dictionary<(int, Technology), Variable>();
        var objective = solver.Objective();
        foreach (var net in Networks)
            for (var k = 0; k < net.Use.Length; k++) objective.SetCoefficient(net.Use[k], net.Network.Arcs[k].Cost);
        for (var i = 0; i < n; i++)
        {
            var one = solver.MakeConstraint(1, 1, $"assign{i}");
            var any = false;
            foreach (var t in StandAlone)
            {
                if (costs.Total(t, i) is not { } total) continue;
                var x = solver.MakeVar(0, 1, integral, $"{t}_{i}");
                Options[(i, t)] = x;
                objective.SetCoefficient(x, total);
                one.SetCoefficient(x, 1);
                any = true;
            }
            foreach (var net in Networks)
                foreach (var k in net.Into[i]) { one.SetCoefficient(net.Use[k], 1); any = true; }
            if (!any) one.SetBounds(0, 0);
        }
        objective.SetMinimization();
    }

    public Solver Solver { get; }

    public NetworkVariables[] Networks { get; }

    public void Add(ConnectivityCut cut) => Networks[cut.Network].Add(Solver, cut);

    public Dictionary<(int School, Technology Technology), Variable> Options { get; }
}
