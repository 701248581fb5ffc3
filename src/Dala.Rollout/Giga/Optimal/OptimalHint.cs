using Dala.Rollout.Giga.Choice;
using Google.OrTools.LinearSolver;

namespace Dala.Rollout.Giga.Optimal;

/// <summary>Warm start: Giga's own choice as a complete MIP solution (arcs, flows as subtree sizes, stand-alone options).</summary>
internal static class OptimalHint
{
    public static void Apply(Solver solver, OptimalModel model, GigaPlan giga)
    {
        var vars = new List<Variable>();
        var values = new List<double>();
        foreach (var ((school, t), x) in model.Options)
        {
            vars.Add(x);
            values.Add(giga.Choices[school].Technology == t ? 1 : 0);
        }
        foreach (var net in model.Networks)
        {
            var chosen = new int[giga.Choices.Length];
            Array.Fill(chosen, -1);
            foreach (var c in giga.Choices.Where(c => c.Technology == net.Network.Technology))
            {
                var k = net.Into[c.School].FindIndex(k => net.Network.Arcs[k].FromId == c.Parent);
                if (k < 0) return;
                chosen[c.School] = net.Into[c.School][k];
            }
            var subtree = new double[giga.Choices.Length];
            foreach (var c in giga.Choices.Where(c => chosen[c.School] >= 0))
                for (var s = c.School; s >= 0; s = net.Network.Arcs[chosen[s]].From) subtree[s]++;
            for (var k = 0; k < net.Use.Length; k++)
            {
                var used = chosen[net.Network.Arcs[k].To] == k;
                vars.Add(net.Use[k]);
                values.Add(used ? 1 : 0);
                vars.Add(net.Flow[k]);
                values.Add(used ? subtree[net.Network.Arcs[k].To] : 0);
            }
        }
        solver.SetHint([.. vars], [.. values]);
    }
}
