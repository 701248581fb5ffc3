using Dala.Fibre.Steiner;

namespace Dala.Fibre.Heuristics;

/// <summary>A maximal tree path whose inner vertices are non-terminals of degree 2; Lower is the deeper end.</summary>
internal sealed record KeyPath(int Lower, int Upper, int[] Interior, int[] Edges, long Cost)
{
    public static KeyPath[] All(Instance inst, RootedTree t)
    {
        var paths = new List<KeyPath>();
        foreach (var v in t.Vertices)
        {
            if (v == t.Root || !t.IsKey[v]) continue;
            var edges = new List<int>();
            var interior = new List<int>();
            long cost = 0;
            var x = v;
            while (true)
            {
                edges.Add(t.ParentEdge[x]);
                cost += inst.Costs[t.ParentEdge[x]];
                x = t.Parent[x];
                if (t.IsKey[x]) break;
                interior.Add(x);
            }
            paths.Add(new KeyPath(v, x, [.. interior], [.. edges], cost));
        }
        return [.. paths];
    }
}
